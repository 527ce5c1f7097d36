"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { JobFitPanels } from "@/components/dashboards/job-fit-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { type PersonnelColumn, PersonnelTable } from "@/components/records/personnel-table";
import { type JobFitRecord, jobFitQuery, jobFitRecordsQuery } from "@/lib/api/evaluations";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName, rowRegionName } from "@/lib/region-name";
import { DATASET_PERIODS } from "@/lib/view";
import { type JobFitPageFilters, jobFitHref } from "./search-params";

type Props = { filters: JobFitPageFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

/** 适岗指数: the figures per region beside 能上能下 (no names, for everyone), then the named list inside the viewer's scope. */
export function JobFitClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const view = { region: filters.region, period: filters.period };
  const { data, error, refetch } = useQuery(jobFitQuery(view));
  const { data: list } = useQuery(jobFitRecordsQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(jobFitHref({ region: code, period: filters.period }));
  const columns: PersonnelColumn<JobFitRecord>[] = [
    { label: t("jobFitPage.columns.cadre"), cell: (r) => r.cadre, rowHeader: true, className: "whitespace-nowrap" },
    { label: t("jobFitPage.columns.post"), cell: (r) => r.post ?? "—", className: "whitespace-nowrap" },
    { label: t("jobFitPage.columns.unit"), cell: (r) => r.unit, className: "min-w-40" },
    { label: t("jobFitPage.columns.region"), cell: (r) => rowRegionName(r, locale), className: "whitespace-nowrap" },
    { label: t("jobFitPage.columns.year"), cell: (r) => r.year, className: "tabular-nums" },
    {
      label: t("jobFitPage.columns.index"),
      cell: (r) => format.number(r.index, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      align: "right",
    },
    {
      label: t("jobFitPage.columns.grade"),
      cell: (r) => (t.has(`jobFitPage.grades.${r.grade}`) ? t(`jobFitPage.grades.${r.grade}`) : r.grade),
      className: "whitespace-nowrap",
    },
    {
      label: t("jobFitPage.columns.action"),
      cell: (r) => t(`jobFitPage.actions.${r.action}`),
      className: "whitespace-nowrap",
    },
  ];

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={jobFitHref}
        heading="jobFitPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        kinds={DATASET_PERIODS.job_fit}
        intro={t("jobFitPage.intro")}
      />
      {data.total.assessed === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("dashCommon.empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <JobFitPanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.job_fit} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.job_fit} />
        </>
      )}
      <PersonnelTable
        heading={t("jobFitPage.listHeading")}
        list={list}
        columns={columns}
        rowKey={(r) => `${r.regionCode}|${r.year}|${r.cadre}|${r.unit}`}
        hrefOf={(page) => jobFitHref({ ...view, page })}
        testId="job-fit-records"
      />
    </div>
  );
}
