"use client";

import dynamic from "next/dynamic";
import { ComboLegend } from "./chart-combo-share";
import type { SharesPlotProps } from "./plots-development";

const SharesPlot = dynamic(() => import("./plots-development").then((m) => m.SharesPlot), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-line/30" data-testid="plot-loading" />,
});

type Props = SharesPlotProps & { title: string; testId?: string };

/**
 * A distribution per row (a region, a contact point, a quarter) as horizontal bars of 100%, in
 * a box sized by its rows from the start. Rows are labelled on the category axis, which keeps long
 * Chinese names readable.
 */
export function ChartBarShares({ title, rows, testId, ...plot }: Props) {
  const height = 40 + rows.length * 30;
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height }} role="img" aria-label={title}>
        <SharesPlot rows={rows} {...plot} />
      </div>
      <ComboLegend series={plot.series} />
    </figure>
  );
}
