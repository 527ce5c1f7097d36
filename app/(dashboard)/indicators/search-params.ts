import { type DashboardFilters, dashboardSearch, indicatorFilters, parseFilters } from "@/lib/filters";

/**
 * The URL of /indicators: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, meaning its whole-year figures, or a quarter; default the latest
 * year with figures), plus the indicator whose trend is shown (a page filter; the API ignores it).
 */
export type IndicatorFilters = DashboardFilters & { indicator?: string };

type RawParams = Record<string, string | string[] | undefined>;

export function parseIndicatorFilters(params: RawParams) {
  const parsed = parseFilters(indicatorFilters, params);
  if (!parsed.success) return parsed;
  const raw = Array.isArray(params.indicator) ? params.indicator[0] : params.indicator;
  // The indicator only chooses which trend is shown; one not reported falls back to the first.
  const indicator = raw?.trim().slice(0, 100) || undefined;
  return { success: true as const, data: { ...parsed.data, indicator } as IndicatorFilters };
}

/** The URL query for a view; defaults are left out. */
export function indicatorSearch({ indicator, ...filters }: IndicatorFilters): string {
  return dashboardSearch(filters, { indicator });
}

/** The period of a scorecard from its year and quarter (null: the whole year). */
export const scorecardPeriod = (year: number, quarter: number | null) =>
  quarter === null ? { kind: "year" as const, year } : { kind: "quarter" as const, year, quarter };
