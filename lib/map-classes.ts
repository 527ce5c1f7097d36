import { ckmeans } from "simple-statistics";
import type { MapLegendClass } from "@/components/map/types";

/** What the map colours by: the ranking's value, its change against the previous period, or the rank. */
export const mapMeasures = ["value", "change", "rank"] as const;
export type MapMeasure = (typeof mapMeasures)[number];

/** Light to dark (ColorBrewer Blues 5): more is darker. */
const SEQUENTIAL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
/** On the display wall's dark ground more is brighter: deep to pale blue. */
const SEQUENTIAL_DARK = ["#1e3a5f", "#1f5f8b", "#2b83ba", "#5fb0e0", "#a6dcf7"];
/** Falls red, rises green, no change grey (ColorBrewer PRGn-like, red for the falls). */
const FALLS = ["#b2182b", "#ef8a62"];
const NO_CHANGE = "#e5e5e5";
const RISES = ["#a6dba0", "#5aae61", "#1b7837"];
/** A region without a figure. */
export const NO_DATA_COLOUR = "#d4d4d8";

type Label = (from: number, to: number) => string;

/** Up to `k` natural-break classes (Jenks, by ckmeans): near values share a class, gaps split. */
export function classBreaks(values: readonly number[], k: number): [number, number][] {
  const distinct = new Set(values).size;
  if (distinct === 0) return [];
  return ckmeans([...values], Math.min(k, distinct)).map((group) => [group[0], group[group.length - 1]]);
}

function coloured(breaks: [number, number][], palette: readonly string[], label: Label): MapLegendClass[] {
  // Fewer classes than colours: spread them over the palette so the ends stay light and dark.
  const step = breaks.length > 1 ? (palette.length - 1) / (breaks.length - 1) : 0;
  return breaks.map(([from, to], i) => ({
    from,
    to,
    label: label(from, to),
    colour: palette[breaks.length > 1 ? Math.round(i * step) : palette.length - 1],
  }));
}

/**
 * The legend of a map: classes of the values shown with their colours, in order of value. A rank
 * is coloured the other way round (rank 1 darkest); a change diverges around zero, falls in red
 * and rises in green, so the sign reads at a glance.
 */
export function mapClasses(
  values: readonly number[],
  measure: MapMeasure,
  label: Label,
  theme: "light" | "dark" = "light",
): MapLegendClass[] {
  const ramp = theme === "dark" ? SEQUENTIAL_DARK : SEQUENTIAL;
  if (measure === "rank") return coloured(classBreaks(values, 5), [...ramp].reverse(), label);
  if (measure === "value") return coloured(classBreaks(values, 5), ramp, label);
  const falls = coloured(
    classBreaks(
      values.filter((v) => v < 0),
      FALLS.length,
    ),
    FALLS,
    label,
  );
  const rises = coloured(
    classBreaks(
      values.filter((v) => v > 0),
      RISES.length,
    ),
    RISES,
    label,
  );
  const zero = values.includes(0) ? [{ from: 0, to: 0, colour: NO_CHANGE, label: label(0, 0) }] : [];
  return [...falls, ...zero, ...rises];
}

/** The colour of a value: its class's, or the no-data grey. */
export function colourOf(classes: readonly MapLegendClass[], value: number | null): string {
  if (value === null) return NO_DATA_COLOUR;
  return classes.find((c) => value >= c.from && value <= c.to)?.colour ?? NO_DATA_COLOUR;
}
