"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { ChartTrend, type TrendRow } from "@/components/charts/chart-trend";
import { IndicatorsAcross } from "@/components/dashboards/indicators-across";
import { IndicatorsTable } from "@/components/dashboards/indicators-table";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { useTerm } from "@/components/layout/use-term";
import { scorecardQuery } from "@/lib/api/indicators";
import type { LeagueOption } from "@/lib/api/regions";
import { formatWithUnit, parenthetical } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import { DATASET_PERIODS, type DashboardFilters } from "@/lib/view";
import { type IndicatorFilters, indicatorSearch, scorecardPeriod } from "./search-params";

type Props = { filters: IndicatorFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

export function IndicatorsClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations("scorecard");
  const term = useTerm();
  const locale = useLocale();
  const [chosen, setChosen] = useState<string | undefined>(filters.indicator);
  const { data, error, refetch } = useQuery(scorecardQuery(filters));

  if (error) {
    return <DashboardError message={error.message} onRetry={() => refetch()} />;
  }
  if (!data) return null;

  const { region, year, quarter, figures, across, children } = data;
  const name = regionName(region, locale);
  const period = quarter === null ? t("periodYear", { year }) : t("periodQuarter", { year, quarter });
  const indicators = [...new Set([...figures.map((f) => f.indicator), ...Object.keys(across)])];
  const selected = chosen && indicators.includes(chosen) ? chosen : (indicators[0] ?? null);
  // The chosen indicator is in the URL (a copied link shows the same trend), without a new request.
  const select = (indicator: string) => {
    setChosen(indicator);
    window.history.replaceState(
      null,
      "",
      `/indicators${indicatorSearch({ region: region.code, period: filters.period, indicator })}`,
    );
  };
  // Another period keeps the indicator in view; another region starts with its first indicator.
  const hrefOf = (next: DashboardFilters) =>
    `/indicators${indicatorSearch({ ...next, indicator: next.region === region.code ? (selected ?? undefined) : undefined })}`;

  const unit = figures.find((f) => f.indicator === selected)?.unit ?? across[selected ?? ""]?.[0]?.unit ?? "";
  const show = (value: number) => formatWithUnit(locale, value, unit);
  const points = (selected && data.trends[selected]) || [];
  const pointLabel = (p: { year: number; quarter: number | null }) =>
    p.quarter === null ? t("pointYear", { year: p.year }) : t("pointQuarter", { year: p.year, quarter: p.quarter });
  const trendRows: TrendRow[] = points.map((p) => ({ label: pointLabel(p), value: p.value, target: p.target }));
  const trendTitle = selected
    ? quarter === null
      ? t("trendTitle", { indicator: term("indicators", selected) })
      : t("trendQuarterly", { indicator: term("indicators", selected) })
    : "";
  const trendTable: ChartTable = {
    columns: [
      { label: t("trendPeriod") },
      { label: `${t("trendValue")}${parenthetical(locale, unit)}`, kind: "number" },
      { label: `${t("trendTarget")}${parenthetical(locale, unit)}`, kind: "number" },
    ],
    rows: points.map((p) => [pointLabel(p), p.value, p.target]),
  };
  // The region's own trend only where it reported the indicator itself (at the root, only the leagues do).
  const ownSelected = figures.some((f) => f.indicator === selected);
  const otherPeriods = data.periods.filter((p) => p !== quarter);

  return (
    <div className="space-y-6">
      <DashboardHeader
        heading="scorecard.heading"
        title={t("heading", { region: name, period })}
        region={region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        kinds={DATASET_PERIODS.indicators}
        hrefOf={hrefOf}
        intro={t("intro")}
      />

      {indicators.length === 0 ? (
        <DashboardEmpty canUpload={canUpload} testId="scorecard-empty">
          {t("empty", { region: name, period })}
          {otherPeriods.length > 0 && (
            <span className="mt-2 block text-sm">
              {t("otherPeriods")}
              {otherPeriods.map((p) => (
                <Link
                  key={p ?? "year"}
                  href={`/indicators${indicatorSearch({ region: region.code, period: scorecardPeriod(year, p) })}`}
                  className="mx-1 text-sky-800 underline"
                >
                  {p === null ? t("wholeYear") : t("quarterOption", { quarter: p })}
                </Link>
              ))}
            </span>
          )}
        </DashboardEmpty>
      ) : (
        <>
          <section className="space-y-2" aria-labelledby="scorecard-own">
            <h2 id="scorecard-own" className="text-lg font-semibold">
              {t("ownTitle", { region: name })}
            </h2>
            {figures.length === 0 ? (
              <div className="space-y-3 rounded-lg border border-line bg-surface p-4 text-sm">
                <p className="text-muted">{t("noOwn", { region: name, period })}</p>
                <div className="flex flex-wrap items-center gap-2">
                  <label htmlFor="indicators-choice" className="text-muted">
                    {t("indicator")}
                  </label>
                  <select
                    id="indicators-choice"
                    value={selected ?? ""}
                    onChange={(e) => select(e.target.value)}
                    className="max-w-full rounded-md border border-line bg-surface px-2 py-1"
                  >
                    {indicators.map((indicator) => (
                      <option key={indicator} value={indicator}>
                        {term("indicators", indicator)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ) : (
              <>
                <IndicatorsTable
                  caption={t("caption", { region: name, period })}
                  figures={figures}
                  selected={selected}
                  onSelect={select}
                />
                <p className="text-xs text-muted">
                  {t("selectHint")} {t("statusLegend")}
                </p>
              </>
            )}
          </section>

          {selected && (
            <div className={`grid gap-4 ${ownSelected ? "lg:grid-cols-2" : ""}`}>
              {ownSelected && (
                <ChartPanel
                  title={trendTitle}
                  table={trendTable}
                  fileName={`${name}-${selected}`}
                  testId="panel-indicator-trend"
                >
                  <ChartTrend
                    testId="chart-indicator-trend"
                    title={trendTitle}
                    rows={trendRows}
                    valueLabel={t("trendValue")}
                    targetLabel={t("trendTarget")}
                    formatValue={show}
                    current={pointLabel({ year, quarter })}
                  />
                </ChartPanel>
              )}
              {(children.length > 0 || (across[selected]?.length ?? 0) > 1) && (
                <IndicatorsAcross
                  title={t("acrossTitle", { indicator: selected })}
                  caption={t("acrossCaption", { indicator: selected, region: name, period })}
                  region={region}
                  regions={children}
                  rows={across[selected] ?? []}
                  year={year}
                  quarter={quarter}
                  indicator={selected}
                />
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
