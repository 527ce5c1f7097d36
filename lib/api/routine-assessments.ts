import { queryOptions } from "@tanstack/react-query";
import type { assessmentMethods } from "@/lib/contract";
import type { ChildRegion, Completeness, RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/routine-assessments: 公务员平时考核 of one region, per contact point (联系点) and quarter. */

export type AssessmentMethod = (typeof assessmentMethods)[number];

/** 好 / 较好 / 一般 / 较差 */
export type GradeCounts = { good: number; fairlyGood: number; average: number; poor: number };

/**
 * What was assessed in a group of contact points. Fewer than MIN_GROUP assessed is shown as a
 * count only: `grades` is null and `suppressed` true (the server withholds the grades).
 */
export type AssessedFigures = { assessed: number; grades: GradeCounts | null; suppressed: boolean };

export type RoutineFigures = AssessedFigures & { contactPoints: number };

export type ContactPoint = {
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  name: string;
  /** The ways it assessed in the period, in the contract's order. */
  methods: AssessmentMethod[];
  /** The whole period. */
  total: AssessedFigures;
  /** Each quarter it reported in the period, oldest first. */
  quarters: ({ year: number; quarter: number } & AssessedFigures)[];
};

export type RoutineAssessmentsView = {
  region: RegionPath;
  period: Period;
  years: number[];
  total: RoutineFigures;
  own: RoutineFigures;
  /** A league or the region: per child region (本级 first). Empty for a banner. */
  children: (ChildRegion & RoutineFigures)[];
  /** A banner: its contact points; null for a league or the region. */
  points: ContactPoint[] | null;
  /** Per quarter of the period's years, oldest first. */
  trend: ({ year: number; quarter: number } & RoutineFigures)[];
  /** How many contact points used each method in the period. */
  methods: Record<AssessmentMethod, number>;
  completeness: { total: Completeness; byChild: Record<string, Completeness> };
};

export const routineAssessmentsKey = (filters: DashboardFilters) => dashboardKey("routine_assessments", filters);

export const routineAssessmentsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: routineAssessmentsKey(filters),
    queryFn: () => getJson<RoutineAssessmentsView>(`/api/routine-assessments${dashboardSearch(filters)}`),
  });
