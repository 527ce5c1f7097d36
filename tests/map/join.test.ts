import { gzipSync } from "node:zlib";
import { feature } from "topojson-client";
import type { GeometryCollection } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { drawnShapes, type Shape } from "@/components/map/shapes";
import { readReference } from "@/db/reference/read";
import { buildTopology, type GeoLayer } from "@/server/geo/build";

const regions = readReference("regions");
const zones = readReference("functional-zones");
const shapesOf = (layer: GeoLayer): Shape[] => {
  const topology = buildTopology(layer);
  return feature(topology, topology.objects[layer] as GeometryCollection<{ parent: string }>).features as Shape[];
};
const prefectures = shapesOf("prefectures");
const counties = shapesOf("counties");
const childrenOf = (parent: string) =>
  [...regions, ...zones].filter((r) => r.parent_code === parent).map((r) => r.code);

describe("map boundaries ↔ regions", () => {
  it("matches all 12 leagues and 103 banners, each once, and no boundary without a region", () => {
    const leagues = regions.filter((r) => r.level === "prefecture").map((r) => r.code);
    const banners = regions.filter((r) => r.level === "county").map((r) => r.code);
    expect(leagues).toHaveLength(12);
    expect(banners).toHaveLength(103);
    expect(prefectures.map((s) => s.id).sort()).toEqual([...leagues].sort());
    expect(counties.map((s) => s.id).sort()).toEqual([...banners].sort());
    const parentOf = new Map(regions.map((r) => [r.code, r.parent_code]));
    for (const s of [...prefectures, ...counties]) expect(s.properties.parent).toBe(parentOf.get(s.id));
  });

  it("draws every child of every league, and lists its functional zones beside the map", () => {
    for (const league of prefectures.map((s) => s.id)) {
      const children = childrenOf(league);
      const { drawn, offMap } = drawnShapes(counties, league, children);
      expect([...drawn.map((s) => s.id), ...offMap].sort()).toEqual([...children].sort());
      expect(offMap.sort()).toEqual(
        zones
          .filter((z) => z.parent_code === league)
          .map((z) => z.code)
          .sort(),
      );
    }
    const { drawn, offMap } = drawnShapes(prefectures, "150000", childrenOf("150000"));
    expect(drawn).toHaveLength(12);
    expect(offMap).toEqual([]);
  });

  it("draws a banner's league with the banner outlined", () => {
    const { drawn, outlined } = drawnShapes(counties, "150802", []);
    expect(outlined).toBe("150802");
    expect(drawn.map((s) => s.id).sort()).toEqual(
      childrenOf("150800")
        .filter((c) => c.startsWith("1508"))
        .sort(),
    );
    expect(drawn).toHaveLength(7);
  });

  it("sends the county layer to the browser in at most 150 kB gzipped", () => {
    const size = gzipSync(JSON.stringify(buildTopology("counties"))).length;
    expect(size).toBeLessThanOrEqual(150 * 1024);
  });
});
