"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { IncompleteNote, incompleteOf } from "@/components/rankings/completeness-mark";
import type { Completeness } from "@/lib/types";
import { BarRegionsPlot } from "./lazy-plots";
import type { PlotSeries, RegionBarRow } from "./plot-types";

export type { RegionBarRow } from "./plot-types";
export type Series = PlotSeries;

type Props = {
  title: string;
  rows: RegionBarRow[];
  series: Series[];
  /** Called with a region code when a drillable bar is clicked. */
  onSelect?: (code: string) => void;
  formatValue?: (value: number) => string;
  /** Each region's reports for the period: a region not yet complete is starred and named below. */
  completeness?: Record<string, Completeness>;
  testId?: string;
};

type Order = "value" | "code";

/**
 * Horizontal bars, one row per region, stacked by series. Horizontal because Chinese region
 * names are long and read best on the category axis. The box has its final size from the start;
 * the drawing (Recharts) loads after the page. Ordered by value (a comparison's default) or by
 * region code, with the totals written at the bars' ends on request.
 */
export function ChartBarRegions({ title, rows, series, onSelect, formatValue, completeness, testId }: Props) {
  const t = useTranslations("rankings");
  const [order, setOrder] = useState<Order>("value");
  const [labels, setLabels] = useState(false);
  const height = 56 + rows.length * 34 + (series.length > 1 ? 32 : 0);
  const total = (row: RegionBarRow) => series.reduce((sum, s) => sum + (Number(row[s.key]) || 0), 0);
  const incomplete = (row: RegionBarRow) => incompleteOf(completeness, row.code);
  const shown = [...rows]
    .sort((a, b) =>
      order === "value" ? total(b) - total(a) || a.code.localeCompare(b.code) : a.code.localeCompare(b.code),
    )
    .map((row) => (incomplete(row) ? { ...row, label: `${row.label} *` } : row));
  const toggle =
    "min-h-6 min-w-6 rounded border border-line px-1.5 py-0.5 text-[11px] text-muted hover:bg-page aria-pressed:bg-page aria-pressed:text-ink";
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}</figcaption>
      <div className="mb-1 flex flex-wrap justify-end gap-1 print:hidden" data-export-skip>
        <span className="self-center text-[11px] text-muted">{t("order")}</span>
        {(["value", "code"] as const).map((o) => (
          <button
            key={o}
            type="button"
            className={toggle}
            aria-pressed={order === o}
            onClick={() => setOrder(o)}
            data-order={o}
          >
            {t(o === "value" ? "orderValue" : "orderCode")}
          </button>
        ))}
        <button type="button" className={toggle} aria-pressed={labels} onClick={() => setLabels(!labels)}>
          {t("labels")}
        </button>
      </div>
      <div style={{ height }} role="img" aria-label={title} data-order={order}>
        <BarRegionsPlot rows={shown} series={series} onSelect={onSelect} formatValue={formatValue} labels={labels} />
      </div>
      <IncompleteNote
        items={rows.flatMap((row) => {
          const c = incomplete(row);
          return c ? [{ label: row.label, completeness: c }] : [];
        })}
      />
    </figure>
  );
}
