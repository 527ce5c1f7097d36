"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { SelectionsPanels } from "@/components/dashboards/selections-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { Pagination } from "@/components/records/pagination";
import { SelectionsTable } from "@/components/records/selections-table";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { selectionRecordsQuery, selectionsQuery } from "@/lib/api/selections";
import { type SelectionCategory, selectionCategories } from "@/lib/contract";
import { formatNumber } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import { DATASET_PERIODS } from "@/lib/view";
import { type SelectionPageFilters, selectionsHref, selectionsListHref } from "./search-params";

type Props = { filters: SelectionPageFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

export function SelectionsClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations("selectionsPage");
  const locale = useLocale();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(selectionsQuery(filters));
  const list = useQuery({ ...selectionRecordsQuery(filters), placeholderData: keepPreviousData });
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const view = { region: filters.region, period: filters.period };
  const select = (code: string) =>
    router.push(selectionsHref({ region: code, period: filters.period }, filters.category));
  const categoryLabel = (c: SelectionCategory) => (c === "干事创业好班子" ? t("teams") : t("cadres"));
  const page = filters.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const tab = "rounded-md border border-line px-3 py-1 text-sm hover:bg-page";

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={(next) => selectionsHref(next, filters.category)}
        heading="selectionsPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        kinds={DATASET_PERIODS.selections}
        intro={t("intro")}
      />
      {data.total.total === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <SelectionsPanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.selections} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.selections} />
          <section id="list" className="space-y-3" aria-labelledby="selections-list">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="selections-list" className="text-lg font-semibold text-ink">
                {t("list")}
                {list.data && (
                  <span className="ml-2 text-sm font-normal text-muted">
                    {t("listCount", { count: formatNumber(locale, list.data.total, 0) })}
                  </span>
                )}
              </h2>
              <nav aria-label={t("category")} className="flex flex-wrap gap-1.5 print:hidden">
                {[undefined, ...selectionCategories].map((c) => (
                  <Link
                    key={c ?? "all"}
                    href={selectionsListHref({ ...view, category: c })}
                    aria-current={filters.category === c ? "page" : undefined}
                    className={`${tab} ${filters.category === c ? "bg-page font-medium text-ink" : "text-muted"}`}
                    scroll={false}
                  >
                    {c ? categoryLabel(c) : t("all")}
                  </Link>
                ))}
              </nav>
            </div>
            {list.error ? (
              <DashboardError message={list.error.message} onRetry={() => list.refetch()} />
            ) : list.data && list.data.rows.length > 0 ? (
              <SelectionsTable caption={t("list")} rows={list.data.rows} />
            ) : list.data ? (
              <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">{t("listEmpty")}</p>
            ) : (
              <div className="h-64 animate-pulse rounded-lg border border-line bg-surface" />
            )}
            <Pagination
              page={page}
              pages={pages}
              hrefOf={(p) => selectionsListHref({ ...view, category: filters.category, page: p })}
            />
          </section>
        </>
      )}
    </div>
  );
}
