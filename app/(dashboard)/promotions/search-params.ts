import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /promotions: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, quarter or range of years, default the latest year with figures).
 */
export type PromotionFilters = DashboardFilters;

export const promotionsHref = (filters: PromotionFilters) => `/promotions${dashboardSearch(filters)}`;
