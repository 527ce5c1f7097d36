"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";

export type RegionBarRow = { code: string; label: string; drillable: boolean } & Record<
  string,
  string | number | boolean
>;
export type Series = { key: string; label: string; color: string };

type Props = {
  title: string;
  rows: RegionBarRow[];
  series: Series[];
  /** Called with a region code when a drillable bar is clicked. */
  onSelect?: (code: string) => void;
  formatValue?: (value: number) => string;
  testId?: string;
};

/**
 * Horizontal bars, one row per region, stacked by series. Horizontal because Chinese region
 * names are long and read best on the category axis.
 */
export function ChartBarRegions({ title, rows, series, onSelect, formatValue, testId }: Props) {
  const locale = useLocale();
  const show = formatValue ?? ((value: number) => formatNumber(locale, value));
  const height = 56 + rows.length * 34 + (series.length > 1 ? 32 : 0);
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height }} role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={6}>
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
                  const row = (entry as unknown as { payload?: RegionBarRow }).payload;
                  if (onSelect && row?.drillable) onSelect(row.code);
                }}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
