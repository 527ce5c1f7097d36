"use client";

/**
 * The Recharts drawings of the development dashboards, loaded after the page as ./plots.tsx is
 * (through the chart components' dynamic imports). Each fills the sized box its chart draws.
 * Data in through props only.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ComboRow, PlotSeries } from "./plot-types";

export type GroupedPlotProps = {
  rows: ComboRow[];
  /** Columns side by side per category (not stacked): stages that contain one another. */
  series: PlotSeries[];
  /** A share (0–1) on a right-hand axis. */
  line?: PlotSeries;
  onSelect?: (code: string) => void;
  formatNumber: (value: number) => string;
  formatPercent: (value: number) => string;
};

/** The width of an 11px tick label, roughly: Chinese characters are square, Latin ones narrower. */
function labelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 11 : 6.2;
  return width;
}

export function GroupedPlot({ rows, series, line, onSelect, formatNumber, formatPercent }: GroupedPlotProps) {
  const angled = rows.length > 5;
  const reach = angled ? labelWidth(rows[0]?.label ?? "") * Math.cos((35 * Math.PI) / 180) - 56 : 0;
  const longest = Math.max(0, ...rows.map((r) => labelWidth(r.label)));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={rows}
        margin={{ top: 8, right: line ? 4 : 12, bottom: 4, left: Math.min(80, Math.max(0, Math.ceil(reach))) }}
        barCategoryGap="18%"
        barGap={1}
      >
        <CartesianGrid vertical={false} stroke="var(--color-line)" />
        <XAxis
          dataKey="label"
          interval={0}
          tick={{ fontSize: 11, fill: "var(--color-ink)" }}
          angle={angled ? -35 : 0}
          textAnchor={angled ? "end" : "middle"}
          height={angled ? Math.min(110, Math.ceil(longest * Math.sin((35 * Math.PI) / 180)) + 16) : 28}
        />
        <YAxis
          yAxisId="count"
          allowDecimals={false}
          width={44}
          tick={{ fontSize: 11, fill: "var(--color-muted)" }}
          tickFormatter={(v: number) => formatNumber(v)}
        />
        {line && (
          <YAxis
            yAxisId="share"
            orientation="right"
            domain={[0, 1]}
            width={44}
            tick={{ fontSize: 11, fill: "var(--color-muted)" }}
            tickFormatter={(v: number) => formatPercent(v)}
          />
        )}
        <Tooltip
          cursor={{ fill: "rgba(15, 23, 42, 0.05)" }}
          formatter={(value, _name, item) => {
            if (typeof value !== "number") return "—";
            return line && item.dataKey === line.key ? formatPercent(value) : formatNumber(value);
          }}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            yAxisId="count"
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(entry) => {
              const row = (entry as unknown as { payload?: ComboRow }).payload;
              if (onSelect && row?.drillable && row.code) onSelect(row.code);
            }}
            isAnimationActive={false}
          />
        ))}
        {line && (
          <Line
            yAxisId="share"
            dataKey={line.key}
            name={line.label}
            stroke={line.color}
            strokeWidth={2}
            dot={{ r: 3, fill: line.color }}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

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
