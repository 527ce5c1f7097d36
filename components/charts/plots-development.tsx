"use client";

/**
 * The Recharts drawings of the development dashboards, loaded after the page as ./plots.tsx is
 * (through the chart components' dynamic imports). Each fills the sized box its chart draws.
 * Data in through props only.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ComboRow, PlotSeries } from "./plot-types";

export type SharesPlotProps = {
  /** One row per category; each series' value a share of the row (0–1); a row without shares is drawn empty. */
  rows: ComboRow[];
  series: PlotSeries[];
  categoryWidth: number;
  formatPercent: (value: number) => string;
  onSelect?: (code: string) => void;
};

/** Horizontal bars of 100%, one per category, split by series: a distribution compared across rows. */
export function SharesPlot({ rows, series, categoryWidth, formatPercent, onSelect }: SharesPlotProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={6}>
        <CartesianGrid horizontal={false} stroke="var(--color-line)" />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          allowDataOverflow
          tick={{ fontSize: 11, fill: "var(--color-muted)" }}
          tickFormatter={(v: number) => formatPercent(v)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={categoryWidth}
          interval={0}
          tick={{ fontSize: 12, fill: "var(--color-ink)" }}
        />
        <Tooltip
          cursor={{ fill: "rgba(15, 23, 42, 0.05)" }}
          formatter={(value) => (typeof value === "number" ? formatPercent(value) : "—")}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="shares"
            fill={s.color}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(entry) => {
              const row = (entry as unknown as { payload?: ComboRow }).payload;
              if (onSelect && row?.drillable && row.code) onSelect(row.code);
            }}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
