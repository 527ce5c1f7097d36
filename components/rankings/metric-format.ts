"use client";

import { useFormatter, useLocale } from "next-intl";
import { metricKind, type RankingMetric } from "@/lib/api/rankings";
import { formatAmountNumber, formatPercent } from "@/lib/format";

/**
 * How a ranking figure is written, on the ranking and on the map alike: a share as a percentage
 * (its change in percentage points), money in 万元, counts as numbers; — where there is none.
 */
export function useMetricFormat() {
  const locale = useLocale();
  const format = useFormatter();
  return (value: number | null, metric: RankingMetric, signed = false): string => {
    if (value === null) return "—";
    const sign = signed && value > 0 ? "+" : "";
    if (metricKind(metric) === "percent") {
      // A change of a share is in percentage points.
      return signed
        ? `${sign}${format.number(value * 100, { maximumFractionDigits: 1 })} pp`
        : formatPercent(locale, value);
    }
    if (metric === "fundsInPlace") return `${sign}${formatAmountNumber(locale, value)}`;
    return format.number(value, { maximumFractionDigits: 2, signDisplay: signed ? "exceptZero" : "auto" });
  };
}
