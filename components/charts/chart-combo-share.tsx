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
  /** Bars side by side rather than stacked. */
  grouped?: boolean;
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
      <ComboLegend series={plot.series} line={plot.line} />
    </figure>
  );
}

/**
 * The legend in HTML under the scrolling box rather than inside the drawing, so that it wraps
 * to the card's width and stays in view while a wide chart scrolls.
 */
export function ComboLegend({ series, line }: Pick<Props, "series" | "line">) {
  return (
    <ul className="mt-1 flex flex-wrap justify-center gap-x-3 gap-y-0.5 text-xs text-ink" data-chart-legend>
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
      {line && (
        <li className="flex items-center gap-1">
          <svg aria-hidden="true" width="16" height="10" viewBox="0 0 16 10">
            <line x1="0" y1="5" x2="16" y2="5" stroke={line.color} strokeWidth="2" />
            <circle cx="8" cy="5" r="3" fill={line.color} />
          </svg>
          {line.label}
        </li>
      )}
    </ul>
  );
}
