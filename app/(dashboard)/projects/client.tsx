"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ProjectCycle } from "@/components/dashboards/project-cycle";
import { ProjectsStats } from "@/components/dashboards/projects-stats";
import { DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { LoadError } from "@/components/layout/load-error";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { Pagination } from "@/components/records/pagination";
import { ProjectsTable } from "@/components/records/projects-table";
import { projectsQuery } from "@/lib/api/projects";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";
import { DATASET_PERIODS, type ProjectSortKey, projectSearch, type SortDirection } from "@/lib/view";
import { type ProjectPageFilters, projectsHref } from "./search-params";

type Props = {
  filters: ProjectPageFilters;
  region: RegionPath;
  years: number[];
  leagues: LeagueOption[];
  pageSize: number;
};

export function ProjectsClient({ filters, region, years, leagues, pageSize }: Props) {
  const t = useTranslations("projectList");
  const locale = useLocale();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { asOf, years: _, ...list } = filters;
  const { data, error, refetch, isPlaceholderData } = useQuery(projectsQuery(list));
  const name = regionName(region, locale);
  // A new sort starts from the first page; the region, period and funnel day stay.
  const sortBy = (sort: ProjectSortKey, dir: SortDirection) =>
    router.push(`/projects${projectSearch({ ...filters, sort, dir, page: 1 })}`, { scroll: false });

  return (
    <div className="space-y-4">
      <DashboardHeader
        heading="projectList.heading"
        region={region}
        period={filters.period}
        years={years}
        leagues={leagues}
        kinds={DATASET_PERIODS.projects}
        allowAll
        hrefOf={(next) => projectsHref(filters, next)}
        intro={t("intro")}
      />

      <ProjectsStats
        region={region.code}
        period={filters.period}
        asOf={asOf}
        hrefWithAsOf={(day) => `/projects${projectSearch({ ...filters, page: 1, asOf: day ?? undefined })}`}
      />

      <ProjectCycle region={region.code} regionLabel={name} period={filters.period} />

      <MapPanel
        region={region}
        period={filters.period}
        metrics={PAGE_METRICS.projects}
        onSelect={(code) => router.push(projectsHref(filters, { region: code, period: filters.period }))}
      />
      <RankingPanel region={region.code} period={filters.period} metrics={PAGE_METRICS.projects} />

      {error ? (
        <LoadError message={t("error", { message: error.message })} onRetry={() => refetch()} />
      ) : !data ? null : data.total === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">
          {filters.period
            ? t("emptyPeriod", { region: name, period: periodLabel(filters.period) })
            : t("empty", { region: name })}
        </p>
      ) : (
        <section aria-labelledby="projects-list" className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <h2 id="projects-list" className="text-lg font-semibold text-ink">
              {t("listTitle")}
            </h2>
            <p className="text-ink" data-testid="projects-total">
              {t("total", { total: data.total })}
            </p>
          </div>
          {data.rows.some((row) => row.namesHidden) && <p className="text-sm text-muted">{t("namesNote")}</p>}
          {data.rows.length === 0 ? (
            // A page number past the end, typed or kept from a longer list.
            <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">{t("pastEnd")}</p>
          ) : (
            <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
              <ProjectsTable
                caption={t("caption", { region: name })}
                rows={data.rows}
                sort={filters.sort}
                dir={filters.dir}
                onSort={sortBy}
                page={filters.page}
                pageCount={Math.max(1, Math.ceil(data.total / pageSize))}
              />
            </div>
          )}
          <Pagination
            page={filters.page}
            pages={Math.max(1, Math.ceil(data.total / pageSize))}
            hrefOf={(page) => `/projects${projectSearch({ ...filters, page })}`}
          />
        </section>
      )}
    </div>
  );
}
