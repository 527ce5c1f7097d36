import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /evaluations: region (default the home region), a year or a range of years (default
 * the latest with evaluations), and the named list's page (lib/filters.ts evaluationRecordFilters).
 * A new region or period starts the list at its first page.
 */
export type EvaluationPageFilters = DashboardFilters & { page?: number };

export const evaluationsHref = ({ region, period, page }: EvaluationPageFilters) =>
  `/evaluations${dashboardSearch({ region, period }, { page: page && page > 1 ? page : undefined })}`;
