import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /indicators: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, meaning its whole-year figures, or a quarter; default the latest
 * year with figures), plus the indicator whose trend is shown (a page filter; the API ignores it).
 */
export type IndicatorFilters = DashboardFilters & { indicator?: string };

/** The URL query for a view; defaults are left out. */
export function indicatorSearch({ indicator, ...filters }: IndicatorFilters): string {
  return dashboardSearch(filters, { indicator });
}

/** The period of a scorecard from its year and quarter (null: the whole year). */
export const scorecardPeriod = (year: number, quarter: number | null) =>
  quarter === null ? { kind: "year" as const, year } : { kind: "quarter" as const, year, quarter };
