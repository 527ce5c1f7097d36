"use client";

import { BarRegionsPlot } from "./lazy-plots";
import type { PlotSeries, RegionBarRow } from "./plot-types";

export type { RegionBarRow } from "./plot-types";
export type Series = PlotSeries;

type Props = {
  title: string;
  rows: RegionBarRow[];
  series: Series[];
  /** Called with a region code when a drillable bar is clicked. */
  onSelect?: (code: string) => void;
  formatValue?: (value: number) => string;
  testId?: string;
};

/**
 * Horizontal bars, one row per region, stacked by series. Horizontal because Chinese region
 * names are long and read best on the category axis. The box has its final size from the start;
 * the drawing (Recharts) loads after the page.
 */
export function ChartBarRegions({ title, rows, series, onSelect, formatValue, testId }: Props) {
  const height = 56 + rows.length * 34 + (series.length > 1 ? 32 : 0);
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height }} role="img" aria-label={title}>
        <BarRegionsPlot rows={rows} series={series} onSelect={onSelect} formatValue={formatValue} />
      </div>
    </figure>
  );
}
