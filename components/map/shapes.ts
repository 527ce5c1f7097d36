import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { RegionPath } from "@/lib/types";

/** One region's boundary: `id` its code, `parent` its parent's (app/geo/[layer]/route.ts). */
export type Shape = Feature<Polygon | MultiPolygon, { parent: string }> & { id: string };

/**
 * The regions drawn for a parent: its children, or, for a banner (nothing drawn below it), its
 * league's banners with the banner itself outlined. `offMap`: the codes with figures but no
 * boundary (functional zones), listed beside the map.
 */
export function drawnShapes(shapes: readonly Shape[], parent: string, codes: readonly string[], selected?: string) {
  let drawn = shapes.filter((s) => s.properties.parent === parent);
  let outlined = selected;
  if (drawn.length === 0) {
    const itself = shapes.find((s) => s.id === parent);
    if (itself) {
      drawn = shapes.filter((s) => s.properties.parent === itself.properties.parent);
      outlined = parent;
    }
  }
  const onMap = new Set(drawn.map((s) => s.id));
  return { drawn, outlined, offMap: codes.filter((code) => !onMap.has(code)) };
}

/**
 * The region the map draws the children of: the root its leagues, a league its banners; below a
 * league (a banner, a zone, a township) the league's banners, with the banner viewed outlined.
 */
export function mapParent(region: RegionPath): { parent: string; selected?: string } {
  if (region.level === "autonomous_region" || region.level === "prefecture") return { parent: region.code };
  const [, league, county] = region.path;
  return { parent: league.code, selected: region.level === "township" ? county?.code : region.code };
}
