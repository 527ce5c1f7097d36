"use client";

import { TrendPlot } from "./lazy-plots";
import type { TrendPlotProps } from "./plot-types";

export type { TrendRow } from "./plot-types";

/**
 * One indicator over time: the value as a solid line, the target dashed. Data in through props
 * only. The box has its final size from the start; the drawing (Recharts) loads after the page.
 */
export function ChartTrend({
  title,
  testId,
  ...plot
}: TrendPlotProps & {
  title: string;
  /** The label of the period the page shows, marked on the time axis. */
  current?: string;
  testId?: string;
}) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height: 260 }} role="img" aria-label={title}>
        <TrendPlot {...plot} />
      </div>
    </figure>
  );
}
