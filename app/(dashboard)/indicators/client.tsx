"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { scorecardQuery } from "@/app/(dashboard)/indicators/query";
import { ChartPanel } from "@/components/charts/chart-panel";
import { DashboardEmpty, DashboardError } from "@/components/dashboards/arena-states";
import { IndicatorsAcross } from "@/components/dashboards/indicators-across";
import { IndicatorsChartTrend, type TrendRow } from "@/components/dashboards/indicators-chart-trend";
import { IndicatorsPeriod } from "@/components/dashboards/indicators-period";
import { IndicatorsTable } from "@/components/dashboards/indicators-table";
import { RegionBreadcrumb } from "@/components/filters/region-breadcrumb";
import { RegionPicker } from "@/components/forms/region-picker";
import { formatWithUnit, parenthetical } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import { type IndicatorFilters, indicatorSearch } from "./search-params";

type Props = { filters: IndicatorFilters & { region: string }; canUpload: boolean };

export function IndicatorsClient({ filters, canUpload }: Props) {
  const t = useTranslations("scorecard");
  const locale = useLocale();
  const router = useRouter();
  const [chosen, setChosen] = useState<string | undefined>(filters.indicator);
  const { data, error, refetch } = useQuery(scorecardQuery(filters));

  if (error) {
    return (
      <DashboardError
        message={t("error", { message: error.message })}
        retryLabel={t("retry")}
        onRetry={() => refetch()}
      />
    );
  }
  if (!data) return null;

  const { region, year, quarter, figures, across, children } = data;
  const name = regionName(region, locale);
  const period = quarter === null ? t("periodYear", { year }) : t("periodQuarter", { year, quarter });
  const indicators = [...new Set([...figures.map((f) => f.indicator), ...Object.keys(across)])];
  const selected = chosen && indicators.includes(chosen) ? chosen : (indicators[0] ?? null);
  const search = (next: { region?: string; indicator?: string | null }) =>
    indicatorSearch({
      region: next.region ?? region.code,
      year: filters.year,
      quarter: quarter ?? undefined,
      indicator: (next.indicator === undefined ? selected : next.indicator) ?? undefined,
    });
  // The chosen indicator is in the URL (a copied link shows the same trend), without a new request.
  const select = (indicator: string) => {
    setChosen(indicator);
    window.history.replaceState(null, "", `/indicators${search({ indicator })}`);
  };

  const unit = figures.find((f) => f.indicator === selected)?.unit ?? across[selected ?? ""]?.[0]?.unit ?? "";
  const show = (value: number) => formatWithUnit(locale, value, unit);
  const points = (selected && data.trends[selected]) || [];
  const pointLabel = (p: { year: number; quarter: number | null }) =>
    p.quarter === null ? t("pointYear", { year: p.year }) : t("pointQuarter", { year: p.year, quarter: p.quarter });
  const trendRows: TrendRow[] = points.map((p) => ({ label: pointLabel(p), value: p.value, target: p.target }));
  const trendTitle = selected
    ? quarter === null
      ? t("trendTitle", { indicator: selected })
      : t("trendQuarterly", { indicator: selected })
    : "";
  const trendTable = {
    columns: [
      t("trendPeriod"),
      `${t("trendValue")}${parenthetical(locale, unit)}`,
      `${t("trendTarget")}${parenthetical(locale, unit)}`,
    ],
    rows: points.map((p) => [pointLabel(p), p.value, p.target]),
  };
  // The region's own trend only where it reported the indicator itself (at the root, only the leagues do).
  const ownSelected = figures.some((f) => f.indicator === selected);
  const otherPeriods = data.periods.filter((p) => p !== quarter);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <RegionBreadcrumb path={region.path} year={filters.year} basePath="/indicators" />
          <h1 className="text-2xl font-semibold text-ink">{t("heading", { region: name, period })}</h1>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-4 print:hidden">
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor="indicators-region" className="text-muted">
              {t("region")}
            </label>
            <div className="w-56 max-w-[60vw]">
              <RegionPicker
                id="indicators-region"
                value={region.code}
                known={region}
                onChange={(code) => router.push(`/indicators${search({ region: code, indicator: null })}`)}
              />
            </div>
          </div>
          <IndicatorsPeriod
            region={region.code}
            year={year}
            years={data.years}
            quarter={quarter}
            indicator={selected ?? undefined}
          />
        </div>
      </div>

      {indicators.length === 0 ? (
        <DashboardEmpty uploadLabel={canUpload ? t("uploadLink") : undefined} testId="scorecard-empty">
          {t("empty", { region: name, period })}
          {otherPeriods.length > 0 && (
            <span className="mt-2 block text-sm">
              {t("otherPeriods")}
              {otherPeriods.map((p) => (
                <Link
                  key={p ?? "year"}
                  href={`/indicators${indicatorSearch({ region: region.code, year, quarter: p ?? undefined })}`}
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
                        {indicator}
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
                  region={region.code}
                  testId="panel-indicator-trend"
                >
                  <IndicatorsChartTrend
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
