"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ChartBarRegions, type RegionBarRow } from "@/components/charts/chart-bar-regions";
import { ChartHistogram, type HistogramRow } from "@/components/charts/chart-histogram";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { LEVEL_COLOURS } from "@/components/charts/palette";
import { ArenaLeaderboard } from "@/components/dashboards/arena-leaderboard";
import { ArenaLevelCards } from "@/components/dashboards/arena-level-cards";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { PlacesPanel } from "@/components/places/places-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { type ArenaChild, arenaQuery } from "@/lib/api/arena";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import { DATASET_PERIODS, periodKey } from "@/lib/view";
import { type ArenaFilters, arenaSearch } from "./search-params";

type Props = {
  filters: ArenaFilters & { region: string };
  leagues: LeagueOption[];
  canUpload: boolean;
  leaderboardSize: number;
};

export function ArenaClient({ filters, leagues, canUpload, leaderboardSize }: Props) {
  const t = useTranslations("arenaBoard");
  const tl = useTranslations("levels");
  const tt = useTranslations("themes");
  const ta = useTranslations("arena");
  const locale = useLocale();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const [level, setLevel] = useState<ArenaLevel>(filters.level ?? arenaLevels[0]);
  const { data, error, refetch } = useQuery(arenaQuery(filters));

  if (error) {
    return <DashboardError message={error.message} onRetry={() => refetch()} />;
  }
  if (!data) return null;

  const { region, period, years, children } = data;
  const name = regionName(region, locale);
  // Another region or period keeps the leaderboard's level (the first is the default, left out).
  const hrefOf = (next: { region?: string; period?: typeof filters.period }) =>
    `/arena${arenaSearch({ ...next, level: level === arenaLevels[0] ? undefined : level })}`;
  const open = (code: string) => router.push(hrefOf({ region: code, period: filters.period }));
  // The leaderboard's level is part of the URL (a copied link shows the same tab), without a new request.
  const chooseLevel = (next: ArenaLevel) => {
    setLevel(next);
    window.history.replaceState(
      null,
      "",
      `/arena${arenaSearch({ region: region.code, period: filters.period, level: next })}`,
    );
  };
  const labelOf = (row: ArenaChild) =>
    row.own ? t("own", { name: regionName(row, locale) }) : regionName(row, locale);
  const levelLabel = (l: ArenaLevel) => `${tl(l)}·${tt(l)}`;
  const series = arenaLevels.map((l) => ({ key: l, label: levelLabel(l), color: LEVEL_COLOURS[l] }));
  const fileBase = `${name}-${periodKey(period)}-${ta("title")}`;

  const childRows: RegionBarRow[] = children.map((row) => ({
    code: row.code,
    label: labelOf(row),
    drillable: row.drillable,
    ...row.byLevel,
  }));
  const countColumns = [...arenaLevels.map(levelLabel), t("totalColumn")].map((label) => ({
    label,
    kind: "integer" as const,
  }));
  const childTable: ChartTable = {
    columns: [{ label: t("regionColumn") }, ...countColumns],
    rows: children.map((row) => [labelOf(row), ...arenaLevels.map((l) => row.byLevel[l]), row.entries]),
  };
  const bucketLabel = (from: number | null, to: number) =>
    from === null ? t("below") : t("bucketLabel", { from, to });
  const histogramRows: HistogramRow[] = data.histogram.map((b) => ({ label: bucketLabel(b.from, b.to), ...b.byLevel }));
  const histogramTable: ChartTable = {
    columns: [{ label: t("bucket") }, ...countColumns],
    rows: data.histogram.map((b) => [
      bucketLabel(b.from, b.to),
      ...arenaLevels.map((l) => b.byLevel[l]),
      arenaLevels.reduce((s, l) => s + b.byLevel[l], 0),
    ]),
  };
  const childTitle = region.level === "autonomous_region" ? t("byChildLeagues") : t("byChildBanners");

  return (
    <div className="space-y-6">
      <DashboardHeader
        heading="arenaBoard.heading"
        region={region}
        period={period}
        years={years}
        leagues={leagues}
        kinds={DATASET_PERIODS.arena}
        hrefOf={hrefOf}
        intro={period.kind === "range" ? t("introRange") : t("intro")}
      />

      {data.entries === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("empty", { region: name, period: periodLabel(period) })}
        </DashboardEmpty>
      ) : (
        <>
          <ArenaLevelCards byLevel={data.byLevel} entries={data.entries} />
          <div className="grid gap-4 lg:grid-cols-2">
            <ChartPanel
              title={childTitle}
              table={childTable}
              fileName={`${fileBase}-${childTitle}`}
              testId="panel-arena-children"
            >
              {children.some((c) => c.drillable) && (
                <p className="mb-1 text-xs text-muted print:hidden">{t("drillHint")}</p>
              )}
              <ChartBarRegions
                testId="chart-arena-children"
                completeness={data.completeness}
                title={childTitle}
                rows={childRows}
                series={series}
                onSelect={open}
              />
            </ChartPanel>
            <ChartPanel
              title={t("histogramTitle")}
              table={histogramTable}
              fileName={`${fileBase}-${t("histogramTitle")}`}
              testId="panel-arena-histogram"
            >
              <ChartHistogram
                testId="chart-arena-histogram"
                title={t("histogramTitle")}
                rows={histogramRows}
                series={series}
              />
              {data.unscored > 0 && (
                <p className="mt-2 text-xs text-muted">{t("unscored", { count: data.unscored })}</p>
              )}
            </ChartPanel>
          </div>
          <MapPanel region={region} period={period} metrics={PAGE_METRICS.arena} onSelect={open} />
          <RankingPanel region={region.code} period={period} metrics={PAGE_METRICS.arena} />
          <ArenaLeaderboard
            leaderboards={data.leaderboards}
            level={level}
            onLevel={chooseLevel}
            size={leaderboardSize}
            showYear={period.kind === "range"}
          />
        </>
      )}
      {(region.level === "county" || region.level === "functional_zone") && (
        <PlacesPanel region={region.code} period={period} />
      )}
    </div>
  );
}
