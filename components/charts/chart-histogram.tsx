"use client";

import { HistogramPlot } from "./lazy-plots";
import type { HistogramRow, PlotSeries } from "./plot-types";

export type { HistogramRow } from "./plot-types";

/**
 * Vertical bars, one per score range, stacked by contest level. Data in through props only.
 * The box has its final size from the start; the drawing (Recharts) loads after the page.
 */
export function ChartHistogram({
  title,
  rows,
  series,
  testId,
}: {
  title: string;
  rows: HistogramRow[];
  series: PlotSeries[];
  testId?: string;
}) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height: 320 }} role="img" aria-label={title}>
        <HistogramPlot rows={rows} series={series} />
      </div>
    </figure>
  );
}
