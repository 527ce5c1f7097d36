import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /routine-assessments: the shared dashboard filters of lib/filters.ts (region, default
 * the user's home region; a year, a quarter or a range of years, default the latest year with figures).
 */
export type RoutineAssessmentFilters = DashboardFilters;

export const routineAssessmentsHref = (filters: RoutineAssessmentFilters) =>
  `/routine-assessments${dashboardSearch(filters)}`;
