"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { type PromotionField, promotionFields } from "@/lib/contract";
import type { PromotionFigures, PromotionsView } from "@/lib/dashboards";
import { regionName } from "@/lib/region-name";
import { periodKey } from "@/lib/view";
import { StatCard } from "./shell";

/** Frontline fields in colour-blind-safe hues; 非一线 in grey, so the frontline part stands out. */
export const FIELD_COLOURS: Record<PromotionField, string> = {
  乡村振兴: "var(--series-3)",
  招商引资: "var(--series-5)",
  基层治理: "var(--series-1)",
  防沙治沙: "var(--series-2)",
  其他一线: "var(--series-4)",
  非一线: "var(--series-muted)",
};

type Props = { data: PromotionsView; onSelect: (code: string) => void };

export function PromotionsPanels({ data, onSelect }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const pct = (v: number) => format.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pctTick = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const ratio = (f: PromotionFigures) =>
    f.share === null
      ? t("promotionsPage.noShare")
      : t("promotionsPage.ratio", { frontline: n(f.frontline), total: n(f.total), share: pct(f.share) });

  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("promotionsPage.title")}`;
  const fieldLabel = (f: PromotionField) => t(`fields.${f}`);
  const series = promotionFields.map((f) => ({ key: f, label: fieldLabel(f), color: FIELD_COLOURS[f] }));
  const line = { key: "share", label: t("promotionsPage.share"), color: "var(--color-ink)" };
  const toRow = (label: string, f: PromotionFigures, extra: Partial<ComboRow> = {}): ComboRow => ({
    label,
    ...f.byField,
    frontline: f.frontline,
    total: f.total,
    share: f.share,
    ...extra,
  });
  const lineDetail = (row: ComboRow) =>
    typeof row.share === "number"
      ? t("promotionsPage.ratio", {
          frontline: n(Number(row.frontline)),
          total: n(Number(row.total)),
          share: pct(row.share),
        })
      : "—";
  const tableOf = (first: string, list: { label: string; f: PromotionFigures }[]): ChartTable => ({
    columns: [
      first,
      ...promotionFields.map(fieldLabel),
      t("promotionsPage.frontline"),
      t("promotionsPage.total"),
      t("promotionsPage.share"),
    ],
    rows: list.map(({ label, f }) => [
      label,
      ...promotionFields.map((k) => f.byField[k]),
      f.frontline,
      f.total,
      f.share === null ? null : pct(f.share),
    ]),
  });

  const childLabel = (c: PromotionsView["children"][number]) =>
    c.own ? t("dashCommon.own", { name: regionName(c, locale) }) : regionName(c, locale);
  const childRows = data.children.map((c) => toRow(childLabel(c), c, { code: c.code, drillable: c.drillable }));
  const compare =
    data.region.level === "autonomous_region" ? t("dashCommon.compareLeagues") : t("dashCommon.compareBanners");
  const byRegionTitle = `${compare} · ${t("promotionsPage.byRegion")}`;
  const quarterLabel = (p: { year: number; quarter: number }) =>
    t("dashFilters.quarterTick", { year: p.year, quarter: p.quarter });
  const trendTitle = t("promotionsPage.trend");
  const both = [
    { label: t("dashCommon.ownLevel"), f: data.own },
    { label: t("dashCommon.withSubordinates"), f: data.total },
  ];
  const bothTitle = t("promotionsPage.ownVsAll");

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          testId="promotions-headline"
          label={t("promotionsPage.headline")}
          value={ratio(data.total)}
          detail={t("promotionsPage.ownLine", { frontline: n(data.own.frontline), total: n(data.own.total) })}
        />
        <StatCard
          label={t("promotionsPage.totalCard")}
          value={t("dashCommon.people", { count: n(data.total.total) })}
          detail={t("promotionsPage.fieldsNote")}
        />
        <section className="rounded-lg border border-line bg-surface p-4 shadow-sm">
          <h2 className="text-sm font-medium text-muted">{t("promotionsPage.byField")}</h2>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {promotionFields.map((f) => (
              <div key={f} className="flex min-w-0 items-baseline justify-between gap-2">
                <dt className="flex min-w-0 items-center gap-1.5 text-muted">
                  <span
                    aria-hidden="true"
                    className="inline-block size-2.5 shrink-0 rounded-sm"
                    style={{ background: FIELD_COLOURS[f] }}
                  />
                  {fieldLabel(f)}
                </dt>
                <dd className="tabular-nums text-ink" data-testid={`field-${f}`}>
                  {n(data.total.byField[f])}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId="panel-promotions-regions"
            title={byRegionTitle}
            table={tableOf(
              t("dashCommon.region"),
              data.children.map((c) => ({ label: childLabel(c), f: c })),
            )}
            fileName={`${fileBase}-${compare}`}
            region={data.region.code}
          >
            <ChartComboShare
              testId="chart-promotions-regions"
              title={byRegionTitle}
              rows={childRows}
              series={series}
              line={line}
              lineDetail={lineDetail}
              onSelect={onSelect}
              formatNumber={n}
              formatPercent={pctTick}
              height={360}
            />
          </ChartPanel>
        </div>
        <ChartPanel
          testId="panel-promotions-own"
          title={bothTitle}
          table={tableOf(t("dashCommon.region"), both)}
          fileName={`${fileBase}-${bothTitle}`}
          region={data.region.code}
        >
          <ChartComboShare
            testId="chart-promotions-own"
            title={bothTitle}
            rows={both.map(({ label, f }) => toRow(label, f))}
            series={series}
            line={line}
            lineDetail={lineDetail}
            formatNumber={n}
            formatPercent={pctTick}
            height={360}
            minBand={80}
          />
        </ChartPanel>
      </div>

      <ChartPanel
        testId="panel-promotions-trend"
        title={trendTitle}
        table={tableOf(
          t("dashCommon.period"),
          data.trend.map((p) => ({ label: quarterLabel(p), f: p })),
        )}
        fileName={`${fileBase}-${trendTitle}`}
        region={data.region.code}
      >
        <ChartComboShare
          testId="chart-promotions-trend"
          title={trendTitle}
          rows={data.trend.map((p) => toRow(quarterLabel(p), p))}
          series={series}
          line={line}
          lineDetail={lineDetail}
          formatNumber={n}
          formatPercent={pctTick}
          height={320}
          minBand={36}
        />
      </ChartPanel>
    </div>
  );
}
