"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { EvaluationsPanels } from "@/components/dashboards/evaluations-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { type PersonnelColumn, PersonnelTable } from "@/components/records/personnel-table";
import {
  type EvaluationRecord,
  evaluationRecordsQuery,
  evaluationScores,
  evaluationsQuery,
} from "@/lib/api/evaluations";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName, rowRegionName } from "@/lib/region-name";
import { DATASET_PERIODS } from "@/lib/view";
import { type EvaluationPageFilters, evaluationsHref } from "./search-params";

type Props = { filters: EvaluationPageFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

/** 五看一测: the figures per region (no names, for everyone), then the named list inside the viewer's scope. */
export function EvaluationsClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const view = { region: filters.region, period: filters.period };
  const { data, error, refetch } = useQuery(evaluationsQuery(view));
  const { data: list } = useQuery(evaluationRecordsQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(evaluationsHref({ region: code, period: filters.period }));
  const score = (v: number | null) =>
    v === null ? "—" : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const columns: PersonnelColumn<EvaluationRecord>[] = [
    {
      label: t("evaluationsPage.columns.cadre"),
      cell: (r) => r.cadre,
      rowHeader: true,
      className: "whitespace-nowrap",
    },
    { label: t("evaluationsPage.columns.post"), cell: (r) => r.post ?? "—", className: "whitespace-nowrap" },
    { label: t("evaluationsPage.columns.unit"), cell: (r) => r.unit, className: "min-w-40" },
    {
      label: t("evaluationsPage.columns.region"),
      cell: (r) => rowRegionName(r, locale),
      className: "whitespace-nowrap",
    },
    {
      label: t("evaluationsPage.columns.year"),
      cell: (r) =>
        `${r.year} ${r.quarter ? t("evaluationsPage.quarterValue", { quarter: r.quarter }) : t("evaluationsPage.wholeYear")}`,
      className: "whitespace-nowrap tabular-nums",
    },
    {
      label: t("evaluationsPage.columns.kind"),
      cell: (r) => t(`evaluationsPage.kinds.${r.kind}`),
      className: "whitespace-nowrap",
    },
    ...evaluationScores.map(
      (s): PersonnelColumn<EvaluationRecord> => ({
        label: t(`evaluationsPage.scores.${s}`),
        cell: (r) => score(r[s]),
        align: "right",
      }),
    ),
    {
      label: t("evaluationsPage.columns.conclusion"),
      cell: (r) => t(`evaluationsPage.conclusions.${r.conclusion}`),
      className: "whitespace-nowrap",
    },
  ];

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={evaluationsHref}
        heading="evaluationsPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        kinds={DATASET_PERIODS.evaluations}
        intro={t("evaluationsPage.intro")}
      />
      {data.total.evaluated === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("dashCommon.empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <EvaluationsPanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.evaluations} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.evaluations} />
        </>
      )}
      <PersonnelTable
        heading={t("evaluationsPage.listHeading")}
        list={list}
        columns={columns}
        rowKey={(r) => `${r.regionCode}|${r.year}|${r.quarter ?? ""}|${r.cadre}|${r.unit}`}
        hrefOf={(page) => evaluationsHref({ ...view, page })}
        testId="evaluation-records"
      />
    </div>
  );
}
