import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /adjustments: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, quarter or range of years, default the latest year with figures).
 */
export type AdjustmentFilters = DashboardFilters;

export const adjustmentsHref = (filters: AdjustmentFilters) => `/adjustments${dashboardSearch(filters)}`;
