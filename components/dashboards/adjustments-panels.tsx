"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ComboRow } from "@/components/charts/chart-combo-share";
import type { ChartTable } from "@/components/charts/chart-panel";
import { TYPE_COLOURS } from "@/components/charts/palette";
import { CompletenessMark } from "@/components/rankings/completeness-mark";
import type { AdjustmentFigures, AdjustmentsView } from "@/lib/api/adjustments";
import { type AdjustmentType, adjustmentTypes } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import { dashboardSearch, type Period, periodKey } from "@/lib/view";
import { BreakdownCharts, KeyCounts } from "./breakdown-charts";
import { StatCard } from "./shell";

/** /job-fit takes years: a quarter opens its year. */
const yearly = (period: Period): Period => (period.kind === "quarter" ? { kind: "year", year: period.year } : period);

const DOWN: readonly AdjustmentType[] = ["免职", "降职", "调离"];

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
    columns: [
      { label: first },
      ...[...adjustmentTypes.map(typeLabel), t("adjustmentsPage.downShort"), t("adjustmentsPage.upShort")].map(
        (label) => ({ label, kind: "integer" as const }),
      ),
    ],
    rows: list.map(({ label, f }) => [label, ...adjustmentTypes.map((type) => f.byType[type]), f.down, f.up]),
  });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          testId="adjustments-down"
          label={t("adjustmentsPage.downCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={t("dashCommon.people", { count: n(data.total.down) })}
          detail={t("adjustmentsPage.ratio", { count: n(data.own.down) })}
        />
        <StatCard
          testId="adjustments-up"
          label={t("adjustmentsPage.upCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={t("dashCommon.people", { count: n(data.total.up) })}
          detail={t("adjustmentsPage.ratio", { count: n(data.own.up) })}
        />
        <KeyCounts
          title={t("adjustmentsPage.byType")}
          items={adjustmentTypes.map((type) => ({
            key: type,
            label: typeLabel(type),
            color: TYPE_COLOURS[type],
            value: n(data.total.byType[type]),
            testId: `type-${type}`,
          }))}
        />
      </div>
      <p className="text-xs text-muted">{t("adjustmentsPage.note")}</p>
      {data.afterJobFit.moved + data.afterJobFit.dismissed > 0 && (
        <p className="text-sm text-ink" data-testid="adjustments-job-fit">
          {t("adjustmentsPage.afterJobFit", {
            moved: n(data.afterJobFit.moved),
            dismissed: n(data.afterJobFit.dismissed),
          })}{" "}
          <Link
            href={`/job-fit${dashboardSearch({ region: data.region.code, period: yearly(data.period) })}`}
            className="text-brand underline"
          >
            {t("adjustmentsPage.afterJobFitLink")}
          </Link>
        </p>
      )}

      <BreakdownCharts
        prefix="adjustments"
        data={data}
        titles={{
          byRegion: t("adjustmentsPage.byRegion"),
          ownVsAll: t("adjustmentsPage.ownVsAll"),
          trend: t("adjustmentsPage.trend"),
        }}
        fileBase={fileBase}
        toRow={toRow}
        tableOf={tableOf}
        chart={{ series, diverging: true, formatNumber: n, formatPercent: n }}
        onSelect={onSelect}
      />
    </div>
  );
}
