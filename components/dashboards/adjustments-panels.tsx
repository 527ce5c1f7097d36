"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { type AdjustmentType, adjustmentTypes } from "@/lib/contract";
import type { AdjustmentFigures, AdjustmentsView } from "@/lib/dashboards";
import { regionName } from "@/lib/region-name";
import { periodKey } from "@/lib/view";
import { StatCard } from "./shell";

const DOWN: readonly AdjustmentType[] = ["免职", "降职", "调离"];

/** Warm hues for moved down, cool for moved back up (colour-blind-safe palette). */
export const TYPE_COLOURS: Record<AdjustmentType, string> = {
  免职: "var(--series-6)",
  降职: "var(--series-2)",
  调离: "var(--series-4)",
  恢复任职: "var(--series-1)",
  提拔重用: "var(--series-3)",
};

type Props = { data: AdjustmentsView; onSelect: (code: string) => void };

/** Moved down against moved back up: down below the axis, up above it, per region and per quarter. */
export function AdjustmentsPanels({ data, onSelect }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("adjustmentsPage.title")}`;
  const typeLabel = (type: AdjustmentType) => t(`adjustmentTypes.${type}`);
  // Down first, so the legend reads down then up; the sign puts them below the axis.
  const series = adjustmentTypes.map((type) => ({ key: type, label: typeLabel(type), color: TYPE_COLOURS[type] }));
  const toRow = (label: string, f: AdjustmentFigures, extra: Partial<ComboRow> = {}): ComboRow => ({
    label,
    ...Object.fromEntries(
      adjustmentTypes.map((type) => [type, DOWN.includes(type) ? -f.byType[type] : f.byType[type]]),
    ),
    ...extra,
  });
  const tableOf = (first: string, list: { label: string; f: AdjustmentFigures }[]): ChartTable => ({
    columns: [first, ...adjustmentTypes.map(typeLabel), t("adjustmentsPage.downShort"), t("adjustmentsPage.upShort")],
    rows: list.map(({ label, f }) => [label, ...adjustmentTypes.map((type) => f.byType[type]), f.down, f.up]),
  });

  const childLabel = (c: AdjustmentsView["children"][number]) =>
    c.own ? t("dashCommon.own", { name: regionName(c, locale) }) : regionName(c, locale);
  const compare =
    data.region.level === "autonomous_region" ? t("dashCommon.compareLeagues") : t("dashCommon.compareBanners");
  const byRegionTitle = `${compare} · ${t("adjustmentsPage.byRegion")}`;
  const quarterLabel = (p: { year: number; quarter: number }) =>
    t("dashFilters.quarterTick", { year: p.year, quarter: p.quarter });
  const trendTitle = t("adjustmentsPage.trend");
  const both = [
    { label: t("dashCommon.ownLevel"), f: data.own },
    { label: t("dashCommon.withSubordinates"), f: data.total },
  ];
  const bothTitle = t("adjustmentsPage.ownVsAll");

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          testId="adjustments-down"
          label={t("adjustmentsPage.downCard")}
          value={t("dashCommon.people", { count: n(data.total.down) })}
          detail={t("adjustmentsPage.ratio", { count: n(data.own.down) })}
        />
        <StatCard
          testId="adjustments-up"
          label={t("adjustmentsPage.upCard")}
          value={t("dashCommon.people", { count: n(data.total.up) })}
          detail={t("adjustmentsPage.ratio", { count: n(data.own.up) })}
        />
        <section className="rounded-lg border border-line bg-surface p-4 shadow-sm">
          <h2 className="text-sm font-medium text-muted">{t("adjustmentsPage.byType")}</h2>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {adjustmentTypes.map((type) => (
              <div key={type} className="flex min-w-0 items-baseline justify-between gap-2">
                <dt className="flex items-center gap-1.5 text-muted">
                  <span
                    aria-hidden="true"
                    className="inline-block size-2.5 shrink-0 rounded-sm"
                    style={{ background: TYPE_COLOURS[type] }}
                  />
                  {typeLabel(type)}
                </dt>
                <dd className="tabular-nums text-ink" data-testid={`type-${type}`}>
                  {n(data.total.byType[type])}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <p className="text-xs text-muted">{t("adjustmentsPage.note")}</p>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId="panel-adjustments-regions"
            title={byRegionTitle}
            table={tableOf(
              t("dashCommon.region"),
              data.children.map((c) => ({ label: childLabel(c), f: c })),
            )}
            fileName={`${fileBase}-${compare}`}
            region={data.region.code}
          >
            <ChartComboShare
              testId="chart-adjustments-regions"
              title={byRegionTitle}
              rows={data.children.map((c) => toRow(childLabel(c), c, { code: c.code, drillable: c.drillable }))}
              series={series}
              diverging
              onSelect={onSelect}
              formatNumber={n}
              formatPercent={n}
              height={360}
            />
          </ChartPanel>
        </div>
        <ChartPanel
          testId="panel-adjustments-own"
          title={bothTitle}
          table={tableOf(t("dashCommon.region"), both)}
          fileName={`${fileBase}-${bothTitle}`}
          region={data.region.code}
        >
          <ChartComboShare
            testId="chart-adjustments-own"
            title={bothTitle}
            rows={both.map(({ label, f }) => toRow(label, f))}
            series={series}
            diverging
            formatNumber={n}
            formatPercent={n}
            height={360}
            minBand={80}
          />
        </ChartPanel>
      </div>

      <ChartPanel
        testId="panel-adjustments-trend"
        title={trendTitle}
        table={tableOf(
          t("dashCommon.period"),
          data.trend.map((p) => ({ label: quarterLabel(p), f: p })),
        )}
        fileName={`${fileBase}-${trendTitle}`}
        region={data.region.code}
      >
        <ChartComboShare
          testId="chart-adjustments-trend"
          title={trendTitle}
          rows={data.trend.map((p) => toRow(quarterLabel(p), p))}
          series={series}
          diverging
          formatNumber={n}
          formatPercent={n}
          height={320}
          minBand={36}
        />
      </ChartPanel>
    </div>
  );
}
