import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of / (the overview): the shared dashboard filters of lib/filters.ts (region, default
 * the user's home region; a year, quarter or range of years, default the latest year with figures).
 */
export type OverviewFilters = DashboardFilters;

export const overviewHref = (filters: OverviewFilters) => `/${dashboardSearch(filters)}`;
