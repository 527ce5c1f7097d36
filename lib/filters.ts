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

// ---------------------------------------------------------------------------------------------
// Dashboard pages (/promotions, /adjustments, …): a region and a period.

/**
 * The period a dashboard shows: one year, one quarter of a year, or a range of whole years.
 * Absent from the URL, it is the latest year with figures (decided by the query, which knows).
 */
export type Period =
  | { kind: "year"; year: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "range"; from: number; to: number };

export type DashboardFilters = { region?: string; period?: Period };

/** The longest range of years a dashboard draws (a trend per quarter over it). */
export const MAX_RANGE_YEARS = 20;

const filterYear = z.coerce
  .number({ message: "invalid.year" })
  .int({ message: "invalid.year" })
  .min(2000, { message: "invalid.year" })
  .max(2100, { message: "invalid.year" });
const filterQuarter = z.coerce
  .number({ message: "invalid.quarter" })
  .int({ message: "invalid.quarter" })
  .min(1, { message: "invalid.quarter" })
  .max(4, { message: "invalid.quarter" });

/**
 * `?region=<code>` and one of `year=<yyyy>`, `year=<yyyy>&quarter=<q>` or `from=<yyyy>&to=<yyyy>`.
 * Mixed or half forms are refused rather than guessed, so a link means one thing only.
 */
export const dashboardFilters = z
  .object({
    region: overviewFilters.shape.region,
    year: filterYear.optional(),
    quarter: filterQuarter.optional(),
    from: filterYear.optional(),
    to: filterYear.optional(),
  })
  .superRefine((v, ctx) => {
    const ranged = v.from !== undefined || v.to !== undefined;
    if (ranged && (v.from === undefined || v.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.from === undefined ? "from" : "to"], message: "invalid.range" });
    } else if (ranged && (v.from as number) > (v.to as number)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "invalid.range" });
    } else if (ranged && (v.to as number) - (v.from as number) >= MAX_RANGE_YEARS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "invalid.range" });
    }
    if (ranged && (v.year !== undefined || v.quarter !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["year"], message: "invalid.period" });
    }
    if (v.quarter !== undefined && v.year === undefined && !ranged) {
      ctx.addIssue({ code: "custom", path: ["quarter"], message: "invalid.period" });
    }
  })
  .transform(({ region, year, quarter, from, to }): DashboardFilters => {
    let period: Period | undefined;
    if (from !== undefined && to !== undefined) period = { kind: "range", from, to };
    else if (year !== undefined && quarter !== undefined) period = { kind: "quarter", year, quarter };
    else if (year !== undefined) period = { kind: "year", year };
    return period ? { region, period } : { region };
  });

export function parseDashboardFilters(params: RawParams) {
  return dashboardFilters.safeParse(plain(params));
}

/** The URL query of a dashboard view; an absent region or period (the defaults) is left out. */
export function dashboardSearch({ region, period }: DashboardFilters): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (period?.kind === "range") {
    query.set("from", String(period.from));
    query.set("to", String(period.to));
  } else if (period) {
    query.set("year", String(period.year));
    if (period.kind === "quarter") query.set("quarter", String(period.quarter));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The whole years a period touches, first and last. */
export function periodYears(period: Period): { from: number; to: number } {
  return period.kind === "range" ? { from: period.from, to: period.to } : { from: period.year, to: period.year };
}

/** A stable, short key of a period for query keys and file names ("2023", "2023Q3", "2021-2023"). */
export function periodKey(period: Period | undefined): string {
  if (!period) return "latest";
  if (period.kind === "range") return `${period.from}-${period.to}`;
  return period.kind === "quarter" ? `${period.year}Q${period.quarter}` : String(period.year);
}
