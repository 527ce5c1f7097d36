"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartBarRegions, type RegionBarRow } from "@/components/charts/chart-bar-regions";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { FRONTLINE_COLOURS, LEVEL_COLOURS, PROJECT_COLOURS } from "@/components/charts/palette";
import { DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { LoadError } from "@/components/layout/load-error";
import { MapPanel } from "@/components/map/map-panel";
import { CadreCards } from "@/components/overview/cadre-cards";
import { ComparisonTable } from "@/components/overview/comparison-table";
import { HeadlineCards } from "@/components/overview/headline-cards";
import { ReportingBoard } from "@/components/overview/reporting-board";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { overviewQuery } from "@/lib/api/overview";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { inScope, outstandingScope, type Principal } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import { arenaLevels } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import type { ChildFigures } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { outstandingHref } from "../outstanding/search-params";
import { type OverviewFilters, overviewHref } from "./search-params";

type Props = {
  filters: OverviewFilters & { region: string };
  leagues: LeagueOption[];
  /** The signed-in user, for the links to the missing reports they may list. */
  viewer: Principal;
};

export function OverviewClient({ filters, leagues, viewer }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(overviewQuery(filters));

  if (error) {
    return <LoadError message={t("overview.error", { message: error.message })} onRetry={() => refetch()} />;
  }
  if (!data) return null;

  const { region, period, year, years, totals, children } = data;
  const when = periodLabel(period);
  const name = regionName(region, locale);
  const labelOf = (row: ChildFigures) =>
    row.own ? t("overview.own", { name: regionName(row, locale) }) : regionName(row, locale);
  const select = (code: string) => router.push(overviewHref({ region: code, period: filters.period }));
  const base = (row: ChildFigures) => ({ code: row.code, label: labelOf(row), drillable: row.drillable });
  const empty = totals.promotions.total + totals.arena.entries + totals.projects.projects === 0;

  const promotionRows: RegionBarRow[] = children.map((row) => ({
    ...base(row),
    frontline: row.promotions.frontline,
    other: row.promotions.total - row.promotions.frontline,
  }));
  const arenaRows: RegionBarRow[] = children.map((row) => ({ ...base(row), ...row.arena.byLevel }));
  const projectRows: RegionBarRow[] = children.map((row) => ({ ...base(row), projects: row.projects.projects }));
  const fileBase = `${name}-${periodKey(period)}`;
  const promotionsTitle = `${t("promotions.title")} · ${t("promotions.chartTitle")}`;
  const arenaTitle = `${t("arena.title")} · ${t("arena.chartTitle")}`;
  const projectsTitle = `${t("projects.title")} · ${t("projects.chartTitle")}`;
  const counts = (...labels: string[]) => labels.map((label) => ({ label, kind: "integer" as const }));
  const promotionsTable: ChartTable = {
    columns: [
      { label: t("overview.region") },
      ...counts(t("promotions.frontline"), t("promotions.other"), t("promotions.total")),
    ],
    rows: children.map((row) => [
      labelOf(row),
      row.promotions.frontline,
      row.promotions.total - row.promotions.frontline,
      row.promotions.total,
    ]),
  };
  const arenaTable: ChartTable = {
    columns: [
      { label: t("overview.region") },
      ...counts(...arenaLevels.map((level) => t(`levels.${level}`)), t("arena.entries")),
    ],
    rows: children.map((row) => [
      labelOf(row),
      ...arenaLevels.map((level) => row.arena.byLevel[level]),
      row.arena.entries,
    ]),
  };
  const projectsTable: ChartTable = {
    columns: [
      { label: t("overview.region") },
      ...counts(t("projects.projects"), t("projects.cadresColumn")),
      { label: t("projects.fundsColumn"), kind: "amount" },
    ],
    rows: children.map((row) => [labelOf(row), row.projects.projects, row.projects.cadres, row.projects.fundsInPlace]),
  };
  // A child's ancestors are the viewed region's path and the child itself.
  const mayList = (code: string) =>
    inScope(outstandingScope(viewer), [...region.path.map((r) => r.code), ...(code === region.code ? [] : [code])]);
  const compareTitle =
    region.level === "autonomous_region" ? t("overview.compareLeagues") : t("overview.compareBanners");

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={overviewHref}
        heading="overview.heading"
        title={
          period.kind === "year"
            ? t("overview.heading", { region: name, year })
            : t("overview.headingPeriod", { region: name, period: when })
        }
        region={region}
        period={period}
        years={years}
        leagues={leagues}
      />

      {empty ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">
          {t("overview.empty", { region: name, period: when })}
        </p>
      ) : (
        <>
          <HeadlineCards
            totals={totals}
            previous={data.previous}
            since={periodLabel(data.previousPeriod)}
            completeness={data.completeness}
          />
          {period.kind === "quarter" && (
            <p className="text-xs text-muted" data-testid="arena-yearly">
              {t("overview.arenaYearly", { year })}
            </p>
          )}
          <CadreCards cadres={data.cadres} view={{ region: region.code, period }} />
        </>
      )}

      <MapPanel region={region} period={data.period} metrics={PAGE_METRICS.overview} onSelect={select} />

      {children.length === 0 ? (
        <p className="text-sm text-muted">{t("overview.noChildren", { region: name })}</p>
      ) : (
        <section className="space-y-4" aria-labelledby="compare-heading">
          <div className="flex flex-wrap items-baseline gap-3">
            <h2 id="compare-heading" className="text-lg font-semibold">
              {compareTitle}
            </h2>
            {children.some((c) => c.drillable) && <p className="text-xs text-muted">{t("overview.drillHint")}</p>}
          </div>
          <div className="grid gap-4 lg:grid-cols-3">
            <ChartPanel
              title={promotionsTitle}
              table={promotionsTable}
              fileName={`${fileBase}-${t("promotions.title")}`}
              testId="panel-promotions"
            >
              <ChartBarRegions
                testId="chart-promotions"
                completeness={data.completeness.promotions.byChild}
                title={promotionsTitle}
                rows={promotionRows}
                series={[
                  { key: "frontline", label: t("promotions.frontline"), color: FRONTLINE_COLOURS.frontline },
                  { key: "other", label: t("promotions.other"), color: FRONTLINE_COLOURS.other },
                ]}
                onSelect={select}
              />
            </ChartPanel>
            <ChartPanel title={arenaTitle} table={arenaTable} fileName={`${fileBase}-${t("arena.title")}`}>
              <ChartBarRegions
                testId="chart-arena"
                completeness={data.completeness.arena.byChild}
                title={arenaTitle}
                rows={arenaRows}
                series={arenaLevels.map((level) => ({
                  key: level,
                  label: `${t(`levels.${level}`)}·${t(`themes.${level}`)}`,
                  color: LEVEL_COLOURS[level],
                }))}
                onSelect={select}
              />
            </ChartPanel>
            <ChartPanel title={projectsTitle} table={projectsTable} fileName={`${fileBase}-${t("projects.title")}`}>
              <ChartBarRegions
                testId="chart-projects"
                completeness={data.completeness.projects.byChild}
                title={projectsTitle}
                rows={projectRows}
                series={[{ key: "projects", label: t("projects.projects"), color: PROJECT_COLOURS.projects }]}
                onSelect={select}
                formatValue={(v) => format.number(v)}
              />
            </ChartPanel>
          </div>
          <ComparisonTable
            caption={t("overview.tableCaption", { region: name, period: when })}
            rows={children}
            labelOf={labelOf}
            period={filters.period}
          />
          <RankingPanel region={region.code} period={data.period} metrics={PAGE_METRICS.overview} />
          <ReportingBoard
            rows={data.reporting}
            overdue={data.overdue}
            year={year}
            regionName={name}
            listOf={(code, dataset, quarter) =>
              mayList(code)
                ? outstandingHref({ region: code, year, dataset: dataset as Dataset, quarter: quarter ?? undefined })
                : null
            }
            allHref={mayList(region.code) ? outstandingHref({ region: region.code, year }) : null}
          />
        </section>
      )}
    </div>
  );
}
