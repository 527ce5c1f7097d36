"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ProjectsStats } from "@/components/dashboards/projects-stats";
import { RegionBreadcrumb } from "@/components/filters/region-breadcrumb";
import { YearPicker } from "@/components/filters/year-picker";
import { RegionPicker } from "@/components/forms/region-picker";
import { PrintButton } from "@/components/layout/print-button";
import { Pagination } from "@/components/records/pagination";
import { ProjectsTable } from "@/components/records/projects-table";
import { projectsQuery } from "@/lib/api";
import { type RecordsFilters, recordsSearch } from "@/lib/filters";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";

type Props = { filters: RecordsFilters; asOf?: string; region: RegionPath; years: number[]; pageSize: number };

export function ProjectsClient({ filters, asOf, region, years, pageSize }: Props) {
  const t = useTranslations("projectList");
  const tf = useTranslations("filters");
  const locale = useLocale();
  const router = useRouter();
  const { data, error, refetch, isPlaceholderData } = useQuery(projectsQuery(filters));
  const name = regionName(region, locale);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <RegionBreadcrumb path={region.path} year={filters.year} basePath="/projects" />
          <h1 className="text-2xl font-semibold text-ink">
            {t("heading", { region: name })}
            {/* On paper the year picker is gone: the heading says which year the report shows. */}
            <span className="hidden print:inline">
              {" · "}
              {filters.year ? tf("yearOption", { year: filters.year }) : t("allYears")}
            </span>
          </h1>
        </div>
        <div className="flex flex-wrap items-center gap-4 print:hidden">
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor="projects-region" className="text-muted">
              {t("region")}
            </label>
            <div className="w-56">
              <RegionPicker
                id="projects-region"
                value={region.code}
                known={region}
                onChange={(code) => router.push(`/projects${recordsSearch({ region: code, year: filters.year })}`)}
              />
            </div>
          </div>
          <YearPicker
            region={region.code}
            year={filters.year}
            years={years}
            basePath="/projects"
            allLabel={t("allYears")}
          />
          <PrintButton />
        </div>
      </div>

      <ProjectsStats
        region={region.code}
        year={filters.year}
        asOf={asOf}
        hrefWithAsOf={(day) => `/projects${recordsSearch({ ...filters, page: 1 })}${day ? `&asOf=${day}` : ""}`}
      />

      {error ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          {t("error", { message: error.message })}{" "}
          <button type="button" onClick={() => refetch()} className="underline">
            {t("retry")}
          </button>
        </div>
      ) : !data ? null : data.total === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">
          {filters.year ? t("emptyYear", { region: name, year: filters.year }) : t("empty", { region: name })}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <p className="text-ink" data-testid="projects-total">
              {t("total", { total: data.total })}
            </p>
            {data.rows.some((row) => row.namesHidden) && <p className="text-muted">{t("namesNote")}</p>}
          </div>
          {data.rows.length === 0 ? (
            // A page number past the end, typed or kept from a longer list.
            <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">{t("pastEnd")}</p>
          ) : (
            <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
              <ProjectsTable caption={t("caption", { region: name })} rows={data.rows} />
            </div>
          )}
          <Pagination
            page={filters.page}
            pages={Math.max(1, Math.ceil(data.total / pageSize))}
            hrefOf={(page) => `/projects${recordsSearch({ ...filters, page })}`}
          />
        </>
      )}
    </div>
  );
}
