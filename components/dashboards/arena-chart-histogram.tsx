"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";

export type HistogramRow = { label: string } & Record<string, string | number>;
type Series = { key: string; label: string; color: string };

const NARROW = "(max-width: 640px)";
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/** Vertical bars, one per score range, stacked by contest level. Data in through props only. */
export function ArenaChartHistogram({
  title,
  rows,
  series,
  testId,
}: {
  title: string;
  rows: HistogramRow[];
  series: Series[];
  testId?: string;
}) {
  const locale = useLocale();
  const count = (value: number) => formatNumber(locale, value);
  // On a phone the range labels would run into each other: slant them.
  const narrow = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height: 320 }} role="img" aria-label={title}>
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
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
