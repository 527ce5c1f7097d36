"use client";

import dynamic from "next/dynamic";
import { ComboLegend } from "./chart-combo-share";
import type { GroupedPlotProps } from "./plots-development";

const GroupedPlot = dynamic(() => import("./plots-development").then((m) => m.GroupedPlot), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-line/30" data-testid="plot-loading" />,
});

type Props = GroupedPlotProps & { title: string; height?: number; minBand?: number; testId?: string };

/**
 * Columns side by side per category (a region or a year), for stages that contain one another
 * (入选 ⊇ 参训 …), with an optional rate on a right-hand axis; a drillable region's columns open it.
 * More categories than fit keep their width and scroll inside the panel, as ChartComboShare does.
 */
export function ChartGroupedRegions({ title, rows, height = 340, minBand = 56, testId, ...plot }: Props) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div className="scroll-shadows overflow-x-auto">
        <div style={{ height, minWidth: rows.length * minBand + 90 }} role="img" aria-label={title}>
          <GroupedPlot rows={rows} {...plot} />
        </div>
      </div>
      <ComboLegend series={plot.series} line={plot.line} />
    </figure>
  );
}
