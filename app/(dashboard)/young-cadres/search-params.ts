import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /young-cadres: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year or a range of years, default the latest year with figures).
 */
export type YoungCadreFilters = DashboardFilters;

export const youngCadresHref = (filters: YoungCadreFilters) => `/young-cadres${dashboardSearch(filters)}`;
