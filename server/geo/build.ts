import fs from "node:fs";
import path from "node:path";
import { geoArea } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";

/**
 * The boundaries the map draws, from db/reference/geo/ (5.6 MB of county outlines) to two TopoJSON
 * layers for the browser, `prefectures` (12) and `counties` (103), built once by `next build`
 * (app/geo/[layer]/route.ts). Each feature carries only its region code (`id`) and parent code. Shared borders are stored once (TopoJSON arcs) and simplified
 * together, so neighbours still meet after simplification. The layers come from different sources
 * whose borders do not coincide, so each is its own topology (together they would cut each other
 * into thousands of arcs).
 */
const folder = path.join(process.cwd(), "db", "reference", "geo");
export const geoLayers = ["prefectures", "counties"] as const;
export type GeoLayer = (typeof geoLayers)[number];

type Shape = Feature<Polygon | MultiPolygon, { code: string; parent_code?: string }>;

function read(file: string): Shape[] {
  return (JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as FeatureCollection<Polygon | MultiPolygon>)
    .features as Shape[];
}

/**
 * d3-geo reads a polygon's outer ring clockwise (spherical polygons); the sources follow GeoJSON's
 * anticlockwise rule, which d3 would take as the whole globe minus the region.
 */
function clockwise(shape: Shape): Shape {
  if (geoArea(shape) <= 2 * Math.PI) return shape;
  const flip = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  const g = shape.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === "Polygon"
      ? { type: "Polygon", coordinates: flip(g.coordinates) }
      : { type: "MultiPolygon", coordinates: g.coordinates.map(flip) };
  return { ...shape, geometry };
}

/** Keeps the share of a layer's points that carry the most area. */
const KEEP: Record<GeoLayer, number> = { prefectures: 0.3, counties: 0.2 };

export type RegionTopology = Topology<Objects<{ parent: string }>>;

export function buildTopology(layer: GeoLayer): RegionTopology {
  const shapes = read(`${layer}.geojson`);
  const features: FeatureCollection<Polygon | MultiPolygon, { parent: string }> = {
    type: "FeatureCollection",
    features: shapes.map((s) => ({
      ...clockwise(s),
      id: s.properties.code,
      properties: { parent: s.properties.parent_code ?? "150000" },
    })),
  };
  const weighted = presimplify(topology({ [layer]: features }, 1e5) as unknown as Parameters<typeof presimplify>[0]);
  // The weights run from most to least area: the KEEP quantile keeps that share of the points.
  return quantize(simplify(weighted, quantile(weighted, KEEP[layer])), 1e4) as RegionTopology;
}
