import { METRIC_DATASET, type Ranking, type RankingMetric, type RankingRow } from "@/lib/api/rankings";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { adjustmentTypes } from "@/lib/contract";
import type { Figures } from "@/lib/types";
import { type Period, periodYears, previousPeriod } from "@/lib/view";
import type { Db } from "../connect";
import { adjustmentFigures } from "./adjustments";
import { countsByChild } from "./breakdown";
import { cadreMetricByChild, isCadreMetric } from "./cadre-metrics";
import { issuesSolvedShareByChild } from "./cycle";
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

type Reader = (code: string) => number | null;
type AnyReader = Reader | ((code: string) => Figures);

/**
 * A child's (or 本级's) figures from the same queries the dashboards show — the overview's
 * headline figures, or the 能上能下 breakdown — as a reader of one metric or of all headline ones.
 */
async function metricReader(
  db: Db,
  metric: RankingMetric,
  at: { region: string; depth: number; period: Period; comparable?: Comparable },
): Promise<AnyReader> {
  if (FROM_FIGURES[metric]) {
    return headlineFigures(db, at.region, at.depth, at.period, { byChild: true, comparable: at.comparable });
  }
  if (isCadreMetric(metric)) return cadreMetricByChild(db, metric, at);
  if (metric === "issuesSolvedShare") return issuesSolvedShareByChild(db, at);
  const counts = await countsByChild(db, "adjustments", adjustmentTypes, at);
  return (code) => {
    const f = adjustmentFigures(counts(code));
    return metric === "adjustmentsUp" ? f.up : f.down;
  };
}

/** The metric's value for a child from the reader its source gave. */
function pick(metric: RankingMetric, reader: AnyReader, code: string): number | null {
  const read = FROM_FIGURES[metric];
  return read ? read((reader as (code: string) => Figures)(code)) : (reader as Reader)(code);
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
  const [ranking] = (await getRankings(db, viewer, { region, period, metrics: [metric] })) ?? [];
  return ranking ?? null;
}

/**
 * Several rankings of the same children and period (a report's), sharing what they have in
 * common: the region, the reports that are in, the children, and each dataset's figures.
 */
export async function getRankings(
  db: Db,
  viewer: Principal,
  { region, period, metrics }: { region: string; period?: Period; metrics: readonly RankingMetric[] },
): Promise<Ranking[] | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await availableYears(db);
  const shown: Period = period ?? { kind: "year", year: years[0] ?? new Date().getFullYear() };
  const before = previousPeriod(shown);
  const depth = path.path.length;
  const hasPrevious = years.includes(periodYears(before).to);

  const [now, then, childRegions] = await Promise.all([
    reportedCells(db, region, depth, shown),
    hasPrevious ? reportedCells(db, region, depth, before) : null,
    childRegionsOf(db, region, periodDays(shown)),
  ]);
  // One query per source and dataset, whatever the number of metrics read off it.
  // The previous period's differs per dataset (each compares its own reports like for like).
  const queries = new Map<string, Promise<AnyReader>>();
  const valuesOf = (metric: RankingMetric, at: Period, like?: Comparable) => {
    const key = `${FROM_FIGURES[metric] ? "figures" : metric}|${at === shown ? "now" : METRIC_DATASET[metric]}`;
    let query = queries.get(key);
    if (!query) {
      query = metricReader(db, metric, { region, depth, period: at, comparable: like });
      queries.set(key, query);
    }
    return query;
  };

  return Promise.all(
    metrics.map(async (metric) => {
      const dataset = METRIC_DATASET[metric];
      const current = summarise(now, shown, [dataset]);
      const like = then && comparable(current.cells, summarise(then, before, [dataset]).cells, shown);
      const [values, previousValues] = await Promise.all([
        valuesOf(metric, shown),
        // Nothing left out: the previous period as it stands, without the restriction's cost.
        like ? valuesOf(metric, before, like.restricted ? like : undefined) : null,
      ]);
      const value = (code: string) => pick(metric, values, code);
      const previous = (code: string) => (previousValues ? pick(metric, previousValues, code) : null);
      const listed = comparisonRows(
        path,
        childRegions,
        (code) => ({ value: value(code), previous: previous(code) }),
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
    }),
  );
}
