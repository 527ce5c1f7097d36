import { z } from "zod";
import { recordsQuery } from "./schemas";

/**
 * The one definition of the dashboard's URL filters, shared by the page, the route handler and
 * the client, so that a copied link reproduces the view.
 */
export const overviewFilters = z.object({
  region: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/, { message: "invalid.region" })
    // Absent: the user's home region, so an official lands on their own league or banner.
    .optional(),
  year: z.coerce
    .number({ message: "invalid.year" })
    .int({ message: "invalid.year" })
    .min(2000, { message: "invalid.year" })
    .max(2100, { message: "invalid.year" })
    .optional(),
});

export type OverviewFilters = z.infer<typeof overviewFilters>;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function plain(params: RawParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}

export function parseOverviewFilters(params: RawParams) {
  return overviewFilters.safeParse(plain(params));
}

/** The URL query for a view; the default year is left out. */
export function overviewSearch({ region, year }: Partial<OverviewFilters>): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (year) query.set("year", String(year));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** Lists of records (projects, arena entries): the region (default: the user's home region), an optional year, a page. */
export type RecordsFilters = { region: string; year?: number; page: number };

export function parseRecordsFilters(params: RawParams) {
  return recordsQuery.safeParse(plain(params));
}

/** The URL query for a list; all years and the first page are left out. */
export function recordsSearch({ region, year, page }: Partial<RecordsFilters>): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (year) query.set("year", String(year));
  if (page && page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
