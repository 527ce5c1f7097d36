import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AdjustmentFigures } from "@/lib/api/adjustments";
import type { EvaluationConclusion, EvaluationKind, JobFitAction } from "@/lib/contract";
import type { ChildRegion, RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/**
 * GET /api/evaluations (五看一测) and GET /api/job-fit (适岗指数): aggregates of named personnel
 * evaluations, open to every signed-in user; and their named lists, GET /api/evaluations/records
 * and GET /api/job-fit/records, whose names only the personnel permission opens.
 *
 * A group of fewer than MIN_GROUP people (lib/contract.ts) has its count only: `suppressed` is
 * true and its distribution and means are null, decided by the server.
 */

/** The five dimensions and the satisfaction, as the API names them (the table's columns). */
export const evaluationScores = ["political", "effectiveness", "role", "frontline", "conduct", "satisfaction"] as const;
export type EvaluationScore = (typeof evaluationScores)[number];

export type EvaluationFigures = {
  /** Evaluations in the period (a cadre evaluated daily and in a special round counts twice). */
  evaluated: number;
  /** Distinct cadres (name and unit): what the suppression counts. */
  people: number;
  suppressed: boolean;
  means: Record<EvaluationScore, number | null> | null;
  conclusions: Record<EvaluationConclusion, number> | null;
  kinds: Record<EvaluationKind, number> | null;
};

export type EvaluationsView = {
  region: RegionPath;
  period: Period;
  /** Years with any evaluation, newest first. */
  years: number[];
  total: EvaluationFigures;
  own: EvaluationFigures;
  children: (ChildRegion & EvaluationFigures)[];
  /** The whole region per year with evaluations, oldest first. */
  trend: ({ year: number } & EvaluationFigures)[];
};

/** The index's ranges, low to high: [from, to) except the last, which includes 100. */
export const jobFitBuckets = ["<60", "60–70", "70–80", "80–90", "90–100"] as const;
export type JobFitBucket = (typeof jobFitBuckets)[number];

export type JobFitFigures = {
  assessed: number;
  people: number;
  suppressed: boolean;
  mean: number | null;
  buckets: Record<JobFitBucket, number> | null;
  /** Graded 不适岗, and their share of those assessed. */
  unfit: number | null;
  unfitShare: number | null;
  /** What followed, over everyone assessed. */
  actions: Record<JobFitAction, number> | null;
  /** What followed a 不适岗 result. */
  unfitActions: Record<JobFitAction, number> | null;
  /** 能上能下 of the same region and years (the adjustments table, counts: never suppressed). */
  adjustments: AdjustmentFigures;
};

export type JobFitView = {
  region: RegionPath;
  period: Period;
  years: number[];
  total: JobFitFigures;
  own: JobFitFigures;
  children: (ChildRegion & JobFitFigures)[];
};

/** Why some records of the list are not shown: no personnel permission, or outside the home region. */
export type HiddenReason = "permission" | "scope";

type RecordBase = {
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  year: number;
  cadre: string;
  post: string | null;
  unit: string;
};

export type EvaluationRecord = RecordBase & {
  quarter: number | null;
  kind: EvaluationKind;
  conclusion: EvaluationConclusion;
  assessors: number | null;
} & Record<EvaluationScore, number | null>;

export type JobFitRecord = RecordBase & { index: number; grade: string; action: JobFitAction };

/**
 * One page of the records the viewer may see by name. Records whose names are not open to the
 * viewer are left out of the list altogether (a row of scores without its name can still point
 * at the one leader of a small unit); `hidden` says how many, and `hiddenReason` why.
 */
export type PersonnelList<R> = {
  rows: R[];
  /** Records the viewer may see, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  hidden: number;
  hiddenReason: HiddenReason | null;
};

export type EvaluationList = PersonnelList<EvaluationRecord>;
export type JobFitList = PersonnelList<JobFitRecord>;

export type PersonnelListFilters = DashboardFilters & { page?: number };

export const evaluationsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: dashboardKey("evaluations", filters),
    queryFn: () => getJson<EvaluationsView>(`/api/evaluations${dashboardSearch(filters)}`),
  });

export const jobFitQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: dashboardKey("job-fit", filters),
    queryFn: () => getJson<JobFitView>(`/api/job-fit${dashboardSearch(filters)}`),
  });

const recordsSearch = ({ region, period, page }: PersonnelListFilters) =>
  dashboardSearch({ region, period }, { page: page && page > 1 ? page : undefined });

/** The named lists are read in the browser through their routes only, where every view is audited. */
export const evaluationRecordsQuery = (filters: PersonnelListFilters) =>
  queryOptions({
    queryKey: [...dashboardKey("evaluation-records", filters), filters.page ?? 1] as const,
    queryFn: () => getJson<EvaluationList>(`/api/evaluations/records${recordsSearch(filters)}`),
    placeholderData: keepPreviousData,
    // A view of names is an audited event: no silent refetch on focus.
    refetchOnWindowFocus: false,
  });

export const jobFitRecordsQuery = (filters: PersonnelListFilters) =>
  queryOptions({
    queryKey: [...dashboardKey("job-fit-records", filters), filters.page ?? 1] as const,
    queryFn: () => getJson<JobFitList>(`/api/job-fit/records${recordsSearch(filters)}`),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
