"use client";

import { ComboPlot } from "./lazy-plots";
import type { ComboRow, PlotSeries } from "./plot-types";

export type { ComboRow } from "./plot-types";
export type ComboSeries = PlotSeries;

type Props = {
  title: string;
  rows: ComboRow[];
  /** Stacked bars, bottom up. With `diverging`, negative values stack below the axis. */
  series: ComboSeries[];
  /** A share (0–1) drawn as a line on a second axis in per cent. */
  line?: ComboSeries;
  /** Text for the line's tooltip (e.g. "90 / 115 = 78.3%"), from the row. */
  lineDetail?: (row: ComboRow) => string;
  /** Bars below the axis are counts too: axis and tooltip show them without a sign. */
  diverging?: boolean;
  onSelect?: (code: string) => void;
  formatNumber: (value: number) => string;
  formatPercent: (value: number) => string;
  height?: number;
  /** Each category gets at least this many pixels; narrower screens scroll the chart sideways. */
  minBand?: number;
  testId?: string;
};

/**
 * Columns per category stacked by series, with an optional share on a right-hand axis. A
 * phone fits a league's banners; more categories than fit keep a readable width and scroll
 * inside the panel, with a shadow at the edge that has more; the page never scrolls.
 * The box has its final size from the start; the drawing (Recharts) loads after the page.
 */
export function ChartComboShare({ title, rows, height = 320, minBand = 24, testId, ...plot }: Props) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div className="scroll-shadows overflow-x-auto">
        <div style={{ height, minWidth: rows.length * minBand + 90 }} role="img" aria-label={title}>
          <ComboPlot rows={rows} {...plot} />
        </div>
      </div>
    </figure>
  );
}
