"use client";

import dynamic from "next/dynamic";

/** Holds the panel's place while its code (TanStack Table) loads after the page is interactive. */
function PanelPlaceholder() {
  return (
    <div
      className="h-64 animate-pulse rounded-lg border border-line bg-surface shadow-sm"
      aria-busy="true"
      data-testid="ranking-loading"
    />
  );
}

/** The ranking panel, out of the dashboards' first-load JavaScript: it sits below the figures. */
export const RankingPanel = dynamic(() => import("./ranking-panel").then((m) => m.RankingPanel), {
  ssr: false,
  loading: PanelPlaceholder,
});
