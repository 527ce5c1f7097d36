import { METRIC_DATASET, type Ranking, type RankingMetric, type RankingRow } from "@/lib/api/rankings";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { adjustmentTypes } from "@/lib/contract";
import type { Figures } from "@/lib/types";
import { type Period, periodYears, previousPeriod } from "@/lib/view";
import type { Db } from "../connect";
import { adjustmentFigures } from "./adjustments";
import { countsByChild } from "./breakdown";
import { availableYears, headlineFigures } from "./overview";
import { periodDays } from "./records";
import { getRegionPath } from "./regions";
import { type Comparable, comparable, reportedCells, summarise } from "./reporting";
import { childRegionsOf, comparisonRows } from "./rollup";

/** A headline metric read off the overview's figures. */
const FROM_FIGURES: Partial<Record<RankingMetric, (f: Figures) => number | null>> = {
  frontline: (f) => f.promotions.frontline,
  frontlineShare: (f) => f.promotions.share,
  promotions: (f) => f.promotions.total,
  arenaEntries: (f) => f.arena.entries,
  projects: (f) => f.projects.projects,
  projectCadres: (f) => f.projects.cadres,
  fundsInPlace: (f) => f.projects.fundsInPlace,
};

/**
 * A metric per child (its own code for 本级), from the same queries the dashboards show: the
 * overview's headline figures, or the 能上能下 breakdown.
 */
async function metricValues(
  db: Db,
  metric: RankingMetric,
  at: { region: string; depth: number; period: Period; comparable?: Comparable },
): Promise<(code: string) => number | null> {
  const read = FROM_FIGURES[metric];
  if (read) {
    const figures = await headlineFigures(db, at.region, at.depth, at.period, {
      byChild: true,
      comparable: at.comparable,
    });
    return (code) => read(figures(code));
  }
  const counts = await countsByChild(db, "adjustments", adjustmentTypes, at);
  return (code) => {
    const f = adjustmentFigures(counts(code));
    return metric === "adjustmentsUp" ? f.up : f.down;
  };
}

/** Competition ranking (1, 2, 2, 4): the highest value first, ties share a place; no value, no place. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));
}

/**
 * The viewed region's children ranked by one metric for a period (default: the latest year with
 * figures), with the change against the previous period (lib/view.ts previousPeriod) and the
 * completeness of the metric's dataset per child. The previous period is counted like for like:
 * over only the reports that are in for the period shown, so a region still missing its fourth
 * quarter is not shown as falling behind. The region's own row (本级) is listed when it has a
 * figure, never ranked. Null for an unknown region.
 */
export async function getRanking(
  db: Db,
  viewer: Principal,
  { region, period, metric }: { region: string; period?: Period; metric: RankingMetric },
): Promise<Ranking | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await availableYears(db);
  const shown: Period = period ?? { kind: "year", year: years[0] ?? new Date().getFullYear() };
  const before = previousPeriod(shown);
  const depth = path.path.length;
  const dataset = METRIC_DATASET[metric];
  const hasPrevious = years.includes(periodYears(before).to);

  const [now, then, childRegions, values] = await Promise.all([
    reportedCells(db, region, depth, shown),
    hasPrevious ? reportedCells(db, region, depth, before) : null,
    childRegionsOf(db, region, periodDays(shown)),
    metricValues(db, metric, { region, depth, period: shown }),
  ]);
  const current = summarise(now, shown, [dataset]);
  const like = then && comparable(current.cells, summarise(then, before, [dataset]).cells, shown);
  const previousValues = like && (await metricValues(db, metric, { region, depth, period: before, comparable: like }));

  const listed = comparisonRows(
    path,
    childRegions,
    (code) => ({ value: values(code), previous: previousValues ? previousValues(code) : null }),
    ({ value }) => (value ?? 0) > 0,
  );
  const ranked = listed.filter((r) => !r.own);
  const ranks = competitionRanks(ranked.map((r) => r.value));
  const previousRanks = competitionRanks(ranked.map((r) => r.previous));
  const rows: RankingRow[] = listed.map((row) => {
    const i = ranked.indexOf(row);
    const rank = i < 0 ? null : ranks[i];
    const previousRank = i < 0 ? null : previousRanks[i];
    return {
      ...row,
      rank,
      change: row.value !== null && row.previous !== null ? row.value - row.previous : null,
      previousRank,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      completeness: current.byChild.get(row.code) ?? { reported: 0, expected: 0 },
    };
  });
  return {
    region: path,
    period: shown,
    previousPeriod: before,
    metric,
    rows,
    completeness: current.total,
    likeForLike: like ? like.restricted : false,
  };
}
