"use client";

/**
 * Every Recharts drawing of the dashboard, in one module that the browser loads after the page
 * (components/charts/lazy-plots.tsx): Recharts is the largest library of the app and stays out of
 * the pages' first-load JavaScript. Each plot fills the sized box its chart component draws, so
 * nothing moves when it arrives. Data in through props only.
 */
import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber } from "@/lib/format";
import { TREND_COLOURS } from "./palette";
import type {
  BarRegionsPlotProps,
  ComboPlotProps,
  HistogramPlotProps,
  RankedBarsPlotProps,
  TrendPlotProps,
} from "./plot-types";

/** Whole figures as the language writes them (1,428), the default for axes and tooltips. */
function useCount() {
  const locale = useLocale();
  return (value: number) => formatNumber(locale, value);
}

/** Horizontal bars, one row per region, stacked by series. */
export function BarRegionsPlot({ rows, series, onSelect, formatValue, labels = false }: BarRegionsPlotProps) {
  const count = useCount();
  const show = formatValue ?? count;
  const value = (row: BarRegionsPlotProps["rows"][number] | undefined, key: string) => Number(row?.[key] ?? 0) || 0;
  // The total is written after the row's last segment that has a size (an empty one is not drawn).
  const lastKey = (row: BarRegionsPlotProps["rows"][number] | undefined) =>
    [...series].reverse().find((s) => value(row, s.key) > 0)?.key;
  const total = (row: BarRegionsPlotProps["rows"][number] | undefined) =>
    series.reduce((sum, s) => sum + value(row, s.key), 0);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: labels ? 44 : 16, bottom: 4, left: 4 }}
        barCategoryGap={6}
      >
        <CartesianGrid horizontal={false} stroke="var(--color-line)" />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={{ fontSize: 12, fill: "var(--color-muted)" }}
          tickFormatter={show}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={118}
          interval={0}
          tick={{ fontSize: 12, fill: "var(--color-ink)" }}
        />
        <Tooltip
          cursor={{ fill: "rgba(15, 23, 42, 0.05)" }}
          formatter={(value) => (typeof value === "number" ? show(value) : String(value))}
        />
        {series.length > 1 && (
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
          />
        )}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="stack"
            fill={s.color}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(entry) => {
              const row = (entry as unknown as { payload?: BarRegionsPlotProps["rows"][number] }).payload;
              if (onSelect && row?.drillable) onSelect(row.code);
            }}
            isAnimationActive={false}
          >
            {labels && (
              <LabelList
                content={(props) => {
                  const { x, y, width, height, index } = props as {
                    x?: number | string;
                    y?: number | string;
                    width?: number | string;
                    height?: number | string;
                    index?: number;
                  };
                  const row = rows[index ?? -1];
                  if (lastKey(row) !== s.key) return null;
                  return (
                    <text
                      x={Number(x) + Number(width) + 4}
                      y={Number(y) + Number(height) / 2}
                      dominantBaseline="central"
                      fontSize={11}
                      fill="var(--color-ink)"
                      data-bar-label
                    >
                      {show(total(row))}
                    </text>
                  );
                }}
              />
            )}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The width of an 11px tick label, roughly: Chinese characters are square, Latin ones narrower. */
function labelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 11 : 6.2;
  return width;
}

/** Columns per category stacked by series, with an optional share on a right-hand axis. */
export function ComboPlot({
  rows,
  series,
  line,
  lineDetail,
  diverging,
  grouped,
  onSelect,
  formatNumber,
  formatPercent,
}: ComboPlotProps) {
  const angled = rows.length > 6;
  const count = (value: unknown) => (typeof value === "number" ? formatNumber(Math.abs(value)) : String(value ?? ""));
  // A slanted first label reaches left past the value axis: room for it ("Bayannur (own level)").
  const firstLabel = rows[0]?.label ?? "";
  const reach = angled ? labelWidth(firstLabel) * Math.cos((35 * Math.PI) / 180) - 56 : 0;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={rows}
        margin={{ top: 8, right: line ? 4 : 12, bottom: 4, left: Math.min(80, Math.max(0, Math.ceil(reach))) }}
        stackOffset={diverging ? "sign" : undefined}
        barCategoryGap="22%"
      >
        <CartesianGrid vertical={false} stroke="var(--color-line)" />
        <XAxis
          dataKey="label"
          interval={0}
          tick={{ fontSize: 11, fill: "var(--color-ink)" }}
          angle={angled ? -35 : 0}
          textAnchor={angled ? "end" : "middle"}
          height={angled ? 72 : 28}
        />
        <YAxis
          yAxisId="count"
          allowDecimals={false}
          width={44}
          tick={{ fontSize: 11, fill: "var(--color-muted)" }}
          tickFormatter={(v: number) => formatNumber(Math.abs(v))}
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
        {diverging && <ReferenceLine yAxisId="count" y={0} stroke="var(--color-muted)" />}
        <Tooltip
          cursor={{ fill: "rgba(15, 23, 42, 0.05)" }}
          formatter={(value, _name, item) => {
            if (line && item.dataKey === line.key) {
              const row = item.payload as ComboPlotProps["rows"][number];
              return lineDetail ? lineDetail(row) : typeof value === "number" ? formatPercent(value) : "—";
            }
            return count(value);
          }}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            yAxisId="count"
            dataKey={s.key}
            name={s.label}
            stackId={grouped ? undefined : "stack"}
            fill={s.color}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(entry) => {
              const row = (entry as unknown as { payload?: ComboPlotProps["rows"][number] }).payload;
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

const NARROW = "(max-width: 640px)";
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/** Vertical bars, one per score range, stacked by contest level. */
export function HistogramPlot({ rows, series }: HistogramPlotProps) {
  const count = useCount();
  // On a phone the range labels would run into each other: slant them.
  const narrow = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 4, left: -8 }} barCategoryGap={4}>
        <CartesianGrid vertical={false} stroke="var(--color-line)" />
        <XAxis
          dataKey="label"
          interval={0}
          tick={{ fontSize: 11, fill: "var(--color-muted)" }}
          angle={narrow ? -40 : 0}
          textAnchor={narrow ? "end" : "middle"}
          height={narrow ? 48 : 30}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "var(--color-muted)" }} tickFormatter={count} />
        <Tooltip
          cursor={{ fill: "rgba(15, 23, 42, 0.05)" }}
          formatter={(value) => (typeof value === "number" ? count(value) : String(value))}
        />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
        />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** One indicator over time: the value as a solid line, the target dashed. */
export function TrendPlot({ rows, valueLabel, targetLabel, formatValue, current }: TrendPlotProps) {
  const count = useCount();
  const hasTarget = rows.some((r) => r.target !== null);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-line)" />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--color-muted)" }} minTickGap={8} />
        <YAxis tick={{ fontSize: 12, fill: "var(--color-muted)" }} width={48} tickFormatter={count} />
        <Tooltip formatter={(value) => (typeof value === "number" ? formatValue(value) : String(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {current && rows.some((r) => r.label === current) && (
          <ReferenceLine x={current} stroke={TREND_COLOURS.current} strokeDasharray="2 3" />
        )}
        <Line
          type="linear"
          dataKey="value"
          name={valueLabel}
          stroke={TREND_COLOURS.value}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
        {hasTarget && (
          <Line
            type="stepAfter"
            dataKey="target"
            name={targetLabel}
            stroke={TREND_COLOURS.target}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}

/**
 * Horizontal bars per category, side by side per series (not stacked), with an optional text
 * label at the end of the first series' bars (e.g. a stage's count and conversion).
 */
export function RankedBarsPlot({
  rows,
  category,
  categoryWidth,
  series,
  endLabel,
  integers,
  formatValue,
}: RankedBarsPlotProps) {
  const count = useCount();
  const show = formatValue ?? count;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: endLabel ? 72 : 16, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke="var(--color-line)" />
        <XAxis
          type="number"
          allowDecimals={!integers}
          tick={{ fontSize: 12, fill: "var(--color-muted)" }}
          tickFormatter={show}
        />
        <YAxis
          type="category"
          dataKey={category}
          width={categoryWidth}
          interval={0}
          tick={{ fontSize: 12, fill: "var(--color-ink)" }}
        />
        <Tooltip formatter={(v) => (typeof v === "number" ? show(v) : String(v))} />
        {series.length > 1 && (
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
          />
        )}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false}>
            {i === 0 && endLabel && (
              <LabelList dataKey={endLabel} position="right" style={{ fontSize: 11, fill: "var(--color-ink)" }} />
            )}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
