import { z } from "zod";
import { overviewFilters } from "@/lib/filters";

/**
 * The URL of /indicators, shared by the page, GET /api/indicators and the client: the region
 * (default: the user's home region), the year (default: the latest with figures), the quarter
 * (blank: the whole-year figures) and the indicator whose trend is shown (a page filter; the API ignores it).
 */
export const indicatorFilters = overviewFilters.extend({
  quarter: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ message: "invalid.quarter" })
      .int({ message: "invalid.quarter" })
      .min(1, { message: "invalid.quarter" })
      .max(4, { message: "invalid.quarter" })
      .optional(),
  ),
});

export type IndicatorFilters = z.infer<typeof indicatorFilters> & { indicator?: string };

type RawParams = Record<string, string | string[] | undefined>;

export function parseIndicatorFilters(params: RawParams) {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) plain[key] = first;
  }
  const parsed = indicatorFilters.safeParse(plain);
  if (!parsed.success) return parsed;
  // The indicator only chooses which trend is shown; one not reported falls back to the first.
  const indicator = plain.indicator?.trim().slice(0, 100) || undefined;
  return { success: true as const, data: { ...parsed.data, indicator } as IndicatorFilters };
}

/** The URL query for a view; defaults are left out. */
export function indicatorSearch({ region, year, quarter, indicator }: Partial<IndicatorFilters>): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (year) query.set("year", String(year));
  if (quarter) query.set("quarter", String(quarter));
  if (indicator) query.set("indicator", indicator);
  const text = query.toString();
  return text ? `?${text}` : "";
}
