// The validation of the page's URL (zod), apart from search-params.ts so the client does not load it.
import { indicatorFilters, parseFilters } from "@/lib/filters";
import type { IndicatorFilters } from "./search-params";

type RawParams = Record<string, string | string[] | undefined>;

export function parseIndicatorFilters(params: RawParams) {
  const parsed = parseFilters(indicatorFilters, params);
  if (!parsed.success) return parsed;
  const raw = Array.isArray(params.indicator) ? params.indicator[0] : params.indicator;
  // The indicator only chooses which trend is shown; one not reported falls back to the first.
  const indicator = raw?.trim().slice(0, 100) || undefined;
  return { success: true as const, data: { ...parsed.data, indicator } as IndicatorFilters };
}
