import { queryOptions } from "@tanstack/react-query";
import type { Dataset } from "@/lib/contract";
import type { ChildRegion, Completeness, RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/rankings: the viewed region's children ranked by one figure, with the change against the previous period. */

export const rankingMetrics = [
  "frontline",
  "frontlineShare",
  "promotions",
  "adjustmentsUp",
  "adjustmentsDown",
  "arenaEntries",
  "projects",
  "projectCadres",
  "fundsInPlace",
  "evaluationExcellentShare",
  "jobFitShare",
  "youngCadrePromoted",
  "selections",
  "routineGoodShare",
  "careCoverageShare",
  "issuesSolvedShare",
] as const;
export type RankingMetric = (typeof rankingMetrics)[number];
/** The figures of the evaluation and development datasets (db/queries/cadre-metrics.ts). */
export type CadreMetric = Extract<
  RankingMetric,
  | "evaluationExcellentShare"
  | "jobFitShare"
  | "youngCadrePromoted"
  | "selections"
  | "routineGoodShare"
  | "careCoverageShare"
>;

/** How a metric's values read: a share (0–1) as a percentage, money in 万元, the rest as counts. */
export function metricKind(metric: RankingMetric): "percent" | "amount" | "integer" {
  if (metric === "fundsInPlace") return "amount";
  return metric.endsWith("Share") ? "percent" : "integer";
}

/** The dataset each figure is counted from: its reports decide whether the period is complete. */
export const METRIC_DATASET = {
  frontline: "promotions",
  frontlineShare: "promotions",
  promotions: "promotions",
  adjustmentsUp: "adjustments",
  adjustmentsDown: "adjustments",
  arenaEntries: "arena",
  projects: "projects",
  projectCadres: "projects",
  fundsInPlace: "projects",
  evaluationExcellentShare: "evaluations",
  jobFitShare: "job_fit",
  youngCadrePromoted: "young_cadres",
  selections: "selections",
  routineGoodShare: "routine_assessments",
  careCoverageShare: "member_care",
  issuesSolvedShare: "project_issues",
} as const satisfies Record<RankingMetric, Dataset>;

/** The metrics a page ranks by, the first its default. */
export const PAGE_METRICS = {
  overview: ["frontline", "arenaEntries", "projects", "frontlineShare", "fundsInPlace"],
  promotions: ["frontline", "frontlineShare", "promotions"],
  adjustments: ["adjustmentsDown", "adjustmentsUp"],
  arena: ["arenaEntries"],
  projects: ["projects", "projectCadres", "fundsInPlace", "issuesSolvedShare"],
  evaluations: ["evaluationExcellentShare"],
  job_fit: ["jobFitShare"],
  young_cadres: ["youngCadrePromoted"],
  selections: ["selections"],
  routine_assessments: ["routineGoodShare"],
  member_care: ["careCoverageShare"],
} as const satisfies Record<string, readonly RankingMetric[]>;

export type { Completeness };

export const isComplete = (c: Completeness) => c.reported >= c.expected;

export type RankingRow = ChildRegion & {
  /** Null: no figure to rank by (a share of nobody); such a row is not ranked. */
  value: number | null;
  /** Competition ranking (1, 2, 2, 4), the highest value first; null for 本级 and rows without a value. */
  rank: number | null;
  /** The previous period's value, like for like (see Ranking.likeForLike); null without figures then. */
  previous: number | null;
  change: number | null;
  previousRank: number | null;
  /** previousRank − rank: above 0 the region moved up. */
  rankChange: number | null;
  completeness: Completeness;
};

export type Ranking = {
  region: RegionPath;
  period: Period;
  previousPeriod: Period;
  metric: RankingMetric;
  rows: RankingRow[];
  /** The reports of the metric's dataset for the period, in the whole region. */
  completeness: Completeness;
  /** The previous period was counted over only the reports that are in now (同口径比较). */
  likeForLike: boolean;
};

export type RankingFilters = DashboardFilters & { metric: RankingMetric };

export const rankingKey = ({ metric, ...filters }: RankingFilters) =>
  [...dashboardKey("rankings", filters), metric] as const;

export const rankingQuery = (filters: RankingFilters) =>
  queryOptions({
    queryKey: rankingKey(filters),
    queryFn: () => getJson<Ranking>(`/api/rankings${dashboardSearch(filters, { metric: filters.metric })}`),
  });
