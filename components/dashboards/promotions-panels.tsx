"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ComboRow } from "@/components/charts/chart-combo-share";
import type { ChartTable } from "@/components/charts/chart-panel";
import { FIELD_COLOURS } from "@/components/charts/palette";
import { CompletenessMark } from "@/components/rankings/completeness-mark";
import type { PromotionFigures, PromotionsView } from "@/lib/api/promotions";
import { type PromotionField, promotionFields } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import { periodKey } from "@/lib/view";
import { BreakdownCharts, KeyCounts } from "./breakdown-charts";
import { StatCard } from "./shell";

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
      { label: first },
      ...promotionFields.map((k) => ({ label: fieldLabel(k), kind: "integer" as const })),
      { label: t("promotionsPage.frontline"), kind: "integer" },
      { label: t("promotionsPage.total"), kind: "integer" },
      { label: t("promotionsPage.share"), kind: "percent" },
    ],
    rows: list.map(({ label, f }) => [
      label,
      ...promotionFields.map((k) => f.byField[k]),
      f.frontline,
      f.total,
      f.share,
    ]),
  });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          testId="promotions-headline"
          label={t("promotionsPage.headline")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={ratio(data.total)}
          detail={t("promotionsPage.ownLine", { frontline: n(data.own.frontline), total: n(data.own.total) })}
        />
        <StatCard
          label={t("promotionsPage.totalCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={t("dashCommon.people", { count: n(data.total.total) })}
          detail={t("promotionsPage.fieldsNote")}
        />
        <KeyCounts
          title={t("promotionsPage.byField")}
          items={promotionFields.map((f) => ({
            key: f,
            label: fieldLabel(f),
            color: FIELD_COLOURS[f],
            value: n(data.total.byField[f]),
            testId: `field-${f}`,
          }))}
        />
      </div>

      <BreakdownCharts
        prefix="promotions"
        data={data}
        titles={{
          byRegion: t("promotionsPage.byRegion"),
          ownVsAll: t("promotionsPage.ownVsAll"),
          trend: t("promotionsPage.trend"),
        }}
        fileBase={fileBase}
        toRow={toRow}
        tableOf={tableOf}
        chart={{ series, line, lineDetail, formatNumber: n, formatPercent: pctTick }}
        onSelect={onSelect}
      />
    </div>
  );
}
