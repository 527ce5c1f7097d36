import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /member-care: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, a quarter or a range of years, default the latest year with figures).
 */
export type MemberCareFilters = DashboardFilters;

export const memberCareHref = (filters: MemberCareFilters) => `/member-care${dashboardSearch(filters)}`;
