"use client";

import dynamic from "next/dynamic";

/** Fills the chart's sized box while the plot's code loads: the page does not move when it arrives. */
function PlotPlaceholder() {
  return <div className="h-full w-full animate-pulse rounded bg-line/30" data-testid="plot-loading" />;
}

// One chunk (./plots) behind all of them, fetched after the page is interactive.
export const BarRegionsPlot = dynamic(() => import("./plots").then((m) => m.BarRegionsPlot), {
  ssr: false,
  loading: PlotPlaceholder,
});
export const ComboPlot = dynamic(() => import("./plots").then((m) => m.ComboPlot), {
  ssr: false,
  loading: PlotPlaceholder,
});
export const HistogramPlot = dynamic(() => import("./plots").then((m) => m.HistogramPlot), {
  ssr: false,
  loading: PlotPlaceholder,
});
export const TrendPlot = dynamic(() => import("./plots").then((m) => m.TrendPlot), {
  ssr: false,
  loading: PlotPlaceholder,
});
export const RankedBarsPlot = dynamic(() => import("./plots").then((m) => m.RankedBarsPlot), {
  ssr: false,
  loading: PlotPlaceholder,
});
