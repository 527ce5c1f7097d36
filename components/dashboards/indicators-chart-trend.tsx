"use client";

import { useLocale } from "next-intl";
import {
  CartesianGrid,
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

export type TrendRow = { label: string; value: number; target: number | null };

/** One indicator over time: the value as a solid line, the target dashed. Data in through props only. */
export function IndicatorsChartTrend({
  title,
  rows,
  valueLabel,
  targetLabel,
  formatValue,
  current,
  testId,
}: {
  title: string;
  rows: TrendRow[];
  valueLabel: string;
  targetLabel: string;
  formatValue: (value: number) => string;
  /** The label of the period the page shows, marked on the time axis. */
  current?: string;
  testId?: string;
}) {
  const locale = useLocale();
  const hasTarget = rows.some((r) => r.target !== null);
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height: 260 }} role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--color-muted)" }} minTickGap={8} />
            <YAxis
              tick={{ fontSize: 12, fill: "var(--color-muted)" }}
              width={48}
              tickFormatter={(value: number) => formatNumber(locale, value)}
            />
            <Tooltip formatter={(value) => (typeof value === "number" ? formatValue(value) : String(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {current && rows.some((r) => r.label === current) && (
              <ReferenceLine x={current} stroke="var(--series-muted)" strokeDasharray="2 3" />
            )}
            <Line
              type="linear"
              dataKey="value"
              name={valueLabel}
              stroke="var(--series-1)"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            {hasTarget && (
              <Line
                type="stepAfter"
                dataKey="target"
                name={targetLabel}
                stroke="var(--series-6)"
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
