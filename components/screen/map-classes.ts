import type { MapLegendClass } from "@/components/map/types";

/**
 * Stand-in until lib/map-classes.ts lands (the lead swaps this file for it): up to five classes
 * of equal width between the smallest and largest value shown, darker for more, in blues that
 * read on the screen's dark ground. `label` formats a class's bounds.
 */
const DARK_RAMP = ["#1e3a5f", "#1f5f8b", "#2b83ba", "#5fb0e0", "#a6dcf7"];

export function screenMapClasses(
  values: readonly (number | null)[],
  label: (from: number, to: number) => string,
): MapLegendClass[] {
  const shown = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (shown.length === 0) return [];
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  if (min === max) return [{ from: min, to: max, colour: DARK_RAMP[2], label: label(min, max) }];
  const count = Math.min(DARK_RAMP.length, new Set(shown).size);
  const width = (max - min) / count;
  return Array.from({ length: count }, (_, i) => {
    const from = min + i * width;
    const to = i === count - 1 ? max : min + (i + 1) * width;
    return { from, to, colour: DARK_RAMP[i], label: label(from, to) };
  });
}
