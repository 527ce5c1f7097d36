"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One category (a region or a quarter) with a value per series; `code` makes a bar drillable. */
export type ComboRow = { label: string; code?: string; drillable?: boolean } & Record<
  string,
  string | number | boolean | null | undefined
>;
export type ComboSeries = { key: string; label: string; color: string };

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
 * Columns per category stacked by series, with an optional share on a right-hand axis. On a
 * phone the chart keeps a readable width and scrolls inside its panel; the page never does.
 */
export function ChartComboShare({
  title,
  rows,
  series,
  line,
  lineDetail,
  diverging,
  onSelect,
  formatNumber,
  formatPercent,
  height = 320,
  minBand = 44,
  testId,
}: Props) {
  const angled = rows.length > 6;
  const count = (value: unknown) => (typeof value === "number" ? formatNumber(Math.abs(value)) : String(value ?? ""));
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div className="overflow-x-auto">
        <div style={{ height, minWidth: rows.length * minBand + 90 }} role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart
              data={rows}
              margin={{ top: 8, right: line ? 4 : 12, bottom: 4, left: 0 }}
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
                    const row = item.payload as ComboRow;
                    return lineDetail ? lineDetail(row) : typeof value === "number" ? formatPercent(value) : "—";
                  }
                  return count(value);
                }}
              />
              <Legend
                wrapperStyle={{ fontSize: 12 }}
                // Series colours mark the swatch; the text stays dark enough to read.
                formatter={(value) => <span style={{ color: "var(--color-ink)" }}>{value}</span>}
                itemSorter={(item) => {
                  const i = series.findIndex((s) => s.key === item.dataKey);
                  return i < 0 ? series.length : i;
                }}
              />
              {series.map((s) => (
                <Bar
                  key={s.key}
                  yAxisId="count"
                  dataKey={s.key}
                  name={s.label}
                  stackId="stack"
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
        </div>
      </div>
    </figure>
  );
}
