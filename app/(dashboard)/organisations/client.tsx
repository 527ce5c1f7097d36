"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { OrganisationsBoard } from "@/components/dashboards/organisations-board";
import { DashboardEmpty, DashboardError } from "@/components/dashboards/shell";
import { RegionCascade } from "@/components/filters/region-cascade";
import { RegionTrail } from "@/components/filters/region-trail";
import { PrintButton } from "@/components/layout/print-button";
import { OrganisationsTable } from "@/components/records/organisations-table";
import { Pagination } from "@/components/records/pagination";
import { type OrganisationMeasure, organisationRecordsQuery, organisationsQuery } from "@/lib/api/organisations";
import type { LeagueOption } from "@/lib/api/regions";
import { formatNumber } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import { type OrganisationPageFilters, organisationsHref, organisationsListHref } from "./search-params";

type Props = { filters: OrganisationPageFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

const LIST_MEASURES: OrganisationMeasure[] = ["all", "due", "overdue", "extended", "missing", "split"];

export function OrganisationsClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations("organisationsPage");
  const locale = useLocale();
  const { data, error, refetch } = useQuery(organisationsQuery(filters));
  const list = useQuery({ ...organisationRecordsQuery(filters), placeholderData: keepPreviousData });
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const view = { region: filters.region, asOf: filters.asOf };
  const measure = filters.measure ?? "all";
  const page = filters.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const tab = "rounded-md border border-line px-3 py-1 text-sm hover:bg-page";
  const township = filters.township ? data.townships.find((s) => s.code === filters.township) : undefined;
  const name = regionName(data.region, locale);

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <div className="space-y-1">
          <RegionTrail path={data.region.path} hrefOf={(code) => organisationsHref({ ...view, region: code })} />
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h1 className="text-2xl font-semibold break-keep text-ink">{t("heading", { region: name })}</h1>
            <PrintButton />
          </div>
          <p className="text-sm text-muted">{t("intro", { asOf: data.asOf })}</p>
        </div>
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border border-line bg-surface p-3 print:hidden">
          <RegionCascade
            region={data.region}
            period={undefined}
            leagues={leagues}
            hrefOf={(next) => organisationsHref({ ...view, region: next.region })}
          />
        </div>
      </div>
      {data.total.all === 0 ? (
        <DashboardEmpty canUpload={canUpload}>{t("empty", { region: name })}</DashboardEmpty>
      ) : (
        <>
          <OrganisationsBoard
            data={data}
            hrefOf={(f) => organisationsListHref({ ...view, ...f })}
            boardOf={(code) => organisationsHref({ ...view, region: code })}
          />
          <section id="list" className="space-y-3" aria-labelledby="organisations-list">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="organisations-list" className="text-lg font-semibold text-ink">
                {t("list", { region: township?.nameZh ?? name, measure: t(`measures.${measure}`) })}
                {list.data && (
                  <span className="ml-2 text-sm font-normal text-muted" data-testid="organisations-list-count">
                    {t("listCount", { count: formatNumber(locale, list.data.total, 0) })}
                  </span>
                )}
              </h2>
              <nav aria-label={t("measure")} className="flex flex-wrap gap-1.5 print:hidden">
                {LIST_MEASURES.map((m) => (
                  <Link
                    key={m}
                    href={organisationsListHref({ ...view, township: filters.township, measure: m })}
                    aria-current={measure === m ? "page" : undefined}
                    className={`${tab} ${measure === m ? "bg-page font-medium text-ink" : "text-muted"}`}
                    scroll={false}
                    prefetch={false}
                  >
                    {t(`measures.${m}`)}
                  </Link>
                ))}
              </nav>
            </div>
            {list.error ? (
              <DashboardError message={list.error.message} onRetry={() => list.refetch()} />
            ) : list.data && list.data.rows.length > 0 ? (
              <OrganisationsTable caption={t("listCaption", { region: name })} rows={list.data.rows} />
            ) : list.data ? (
              <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">{t("listEmpty")}</p>
            ) : (
              <div className="h-64 animate-pulse rounded-lg border border-line bg-surface" />
            )}
            <Pagination
              page={page}
              pages={pages}
              hrefOf={(p) => organisationsListHref({ ...view, measure, township: filters.township, page: p })}
            />
          </section>
        </>
      )}
    </div>
  );
}
