import { z } from "zod";
import { organisationMeasures } from "./api/organisations";
import { rankingMetrics } from "./api/rankings";
import { arenaLevels, datasets, selectionCategories } from "./contract";
import { day, page, placeCode, quarter, regionCode, year } from "./schemas";
import {
  DATASET_PERIODS,
  type DashboardFilters,
  MAX_RANGE_YEARS,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  PROJECT_SORT_KEYS,
  projectSort,
  reportSections,
} from "./view";

export * from "./view";

/*
 * The dashboards' URL filters: one schema per page, parsed the same way by the page and by its
 * route handler (the client builds the same URLs with lib/view.ts and the folder's
 * search-params.ts), so that a copied link reproduces the view. Each field is validated as the
 * API's other requests are (lib/schemas.ts).
 */

export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** A URL's parameters as one object: the first value of each key, blank ones dropped (absent). */
export function queryObject(params: RawParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in out)) out[key] = first;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dashboard pages (/promotions, /adjustments, …): a region and a period.

const periodShape = {
  region: regionCode.optional(),
  year: year.optional(),
  quarter: quarter.optional(),
  from: year.optional(),
  to: year.optional(),
};

type PeriodInput = { year?: number; quarter?: number; from?: number; to?: number };

/** Mixed or half forms are refused rather than guessed, so a link means one thing only. */
function checkPeriod(v: PeriodInput, ctx: z.RefinementCtx, kinds: readonly PeriodKind[]) {
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
  // A period the dataset cannot answer (a quarter of arena entries, a range of indicators).
  if (ranged && !kinds.includes("range")) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "invalid.periodKind" });
  } else if (v.quarter !== undefined && !kinds.includes("quarter")) {
    ctx.addIssue({ code: "custom", path: ["quarter"], message: "invalid.periodKind" });
  }
}

function toPeriod({ year, quarter, from, to }: PeriodInput): Period | undefined {
  if (from !== undefined && to !== undefined) return { kind: "range", from, to };
  if (year !== undefined && quarter !== undefined) return { kind: "quarter", year, quarter };
  if (year !== undefined) return { kind: "year", year };
  return undefined;
}

/**
 * `?region=<code>` and one of `year=<yyyy>`, `year=<yyyy>&quarter=<q>` or `from=<yyyy>&to=<yyyy>`
 * (only the kinds the dataset can answer), plus the page's own parameters (`extra`). The one
 * definition behind every dashboard page, its route handler and its client.
 */
export function dashboardFiltersOf<S extends z.ZodRawShape = Record<never, never>>(
  kinds: readonly PeriodKind[] = PERIOD_KINDS,
  extra?: S,
) {
  return z
    .object({ ...periodShape, ...(extra as S) })
    .superRefine((v, ctx) => checkPeriod(v as PeriodInput, ctx, kinds))
    .transform((v) => {
      const { region, year, quarter, from, to, ...rest } = v as PeriodInput & { region?: string } & Record<
          string,
          unknown
        >;
      const period = toPeriod({ year, quarter, from, to });
      return { ...(rest as z.output<z.ZodObject<S>>), region, ...(period ? { period } : {}) } as z.output<
        z.ZodObject<S>
      > &
        DashboardFilters;
    });
}

export const dashboardFilters = dashboardFiltersOf();

/**
 * Absent region: the viewer's home region, so an official lands on their own league or banner.
 * The one place this default is made, for every page and route handler of a dashboard.
 */
export function atHome<F extends { region?: string }>(
  filters: F,
  viewer: { regionCode: string },
): Omit<F, "region"> & { region: string } {
  return { ...filters, region: filters.region ?? viewer.regionCode };
}

export function parseDashboardFilters(params: RawParams) {
  return dashboardFilters.safeParse(queryObject(params));
}

/** Parses a page's or route's URL with its own definition (first value of each key, blanks dropped). */
export function parseFilters<T extends z.ZodType>(schema: T, params: RawParams) {
  return schema.safeParse(queryObject(params)) as z.ZodSafeParseResult<z.output<T>>;
}

/** The period is one thing in a URL: a bad part of it drops all of it. */
const PERIOD_KEYS = ["year", "quarter", "from", "to"];

/**
 * A page's URL read leniently: what does not parse is left out (and named), so that a mistyped
 * or outdated link still shows the rest of the view it asked for. The route handlers stay strict.
 */
export function parseLeniently<S extends z.ZodType>(schema: S, params: RawParams) {
  const query = queryObject(params);
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = schema.safeParse(query);
    if (parsed.success) return { data: parsed.data as z.output<S>, dropped };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      for (const k of PERIOD_KEYS.includes(key) ? PERIOD_KEYS : [key]) {
        if (k in query) {
          dropped.push(`${k}=${query[k]}`);
          delete query[k];
        }
      }
    }
  }
  return { data: schema.parse({}) as z.output<S>, dropped };
}

// ---------------------------------------------------------------------------------------------
// The pages built on it.

/** /, /promotions, /adjustments and their route handlers: a region and any period. */
export const overviewFilters = dashboardFilters;
export const promotionFilters = dashboardFiltersOf(DATASET_PERIODS.promotions);
export const adjustmentFilters = dashboardFiltersOf(DATASET_PERIODS.adjustments);

/** The evaluation and development datasets: per year (and quarter, for routine assessments). */
export const evaluationFilters = dashboardFiltersOf(DATASET_PERIODS.evaluations);
export const jobFitFilters = dashboardFiltersOf(DATASET_PERIODS.job_fit);
/** Their named lists (GET /api/evaluations/records, /api/job-fit/records) and pages: plus the list's page. */
export const evaluationRecordFilters = dashboardFiltersOf(DATASET_PERIODS.evaluations, { page });
export const jobFitRecordFilters = dashboardFiltersOf(DATASET_PERIODS.job_fit, { page });
export const youngCadreFilters = dashboardFiltersOf(DATASET_PERIODS.young_cadres);
export const selectionFilters = dashboardFiltersOf(DATASET_PERIODS.selections);
export const routineAssessmentFilters = dashboardFiltersOf(DATASET_PERIODS.routine_assessments);
export const memberCareFilters = dashboardFiltersOf(DATASET_PERIODS.member_care);
/** GET /api/selections/records: plus the page and, optionally, one category. */
export const selectionRecordFilters = dashboardFiltersOf(DATASET_PERIODS.selections, {
  page,
  category: z.enum(selectionCategories, { message: "invalid.category" }).optional(),
});

/** GET /api/arena: entries are reported per year, so a year or a range of years. */
export const arenaFilters = dashboardFiltersOf(DATASET_PERIODS.arena);

/**
 * /api/places: a banner or a township (9 digits, lib/schemas.ts placeCode) and the arena entries'
 * period; a quarter counts its year's entries (contests are yearly), no period counts every year.
 */
export const placesFilters = dashboardFiltersOf(PERIOD_KINDS, { region: placeCode.optional() });

/**
 * /arena: the API's filters plus the leaderboard's level. An unknown level is a stale or mistyped
 * link: the first level is shown rather than nothing.
 */
export const arenaPageFilters = dashboardFiltersOf(DATASET_PERIODS.arena, {
  level: z
    .string()
    .optional()
    .transform((raw) => arenaLevels.find((l) => l === raw)),
});

/** GET /api/indicators: the whole-year figures of a year, or a quarter's. */
export const indicatorFilters = dashboardFiltersOf(DATASET_PERIODS.indicators);

/** /indicators: plus the indicator whose trend is shown; one not reported falls back to the first. */
export const indicatorPageFilters = dashboardFiltersOf(DATASET_PERIODS.indicators, {
  indicator: z
    .string()
    .optional()
    .transform((raw) => raw?.trim().slice(0, 100) || undefined),
});

/** The sort column and direction, defaults filled in (lib/view.ts projectSort). */
const sortShape = {
  sort: z.enum(PROJECT_SORT_KEYS, { message: "invalid.sort" }).optional(),
  dir: z.enum(["asc", "desc"], { message: "invalid.direction" }).optional(),
};
const withSort = <T extends { sort?: (typeof PROJECT_SORT_KEYS)[number]; dir?: "asc" | "desc" }>(v: T) => ({
  ...v,
  ...projectSort(v.sort, v.dir),
});

/**
 * GET /api/projects: region, period (absent: all years, a register rather than a dashboard),
 * page, and the sort column and direction.
 */
export const projectListFilters = dashboardFiltersOf(DATASET_PERIODS.projects, { page, ...sortShape }).transform(
  withSort,
);

/** GET /api/project-stats: region, period, and the day the funnel is drawn as of (absent: today). */
export const projectStatsFilters = dashboardFiltersOf(DATASET_PERIODS.projects, { asOf: day.optional() });

/**
 * /projects: everything of both, in one URL. Without a period the page shows the latest year with
 * projects, as every page does; `years=all` asks for the whole register.
 */
export const projectPageFilters = dashboardFiltersOf(DATASET_PERIODS.projects, {
  page,
  ...sortShape,
  asOf: day.optional(),
  years: z.enum(["all"], { message: "invalid.years" }).optional(),
}).transform(withSort);

/** GET /api/reports: a report covers a year or a quarter (a range has no scorecard to cite). */
export const reportFilters = dashboardFiltersOf(["year", "quarter"]);

/**
 * /reports: plus the sections to include, comma-separated (`sections=overview,arena`); unknown
 * names are dropped (a stale link), and none at all means every section.
 */
export const reportPageFilters = dashboardFiltersOf(["year", "quarter"], {
  sections: z
    .string()
    .optional()
    .transform((raw) => {
      const chosen = reportSections.filter((s) => raw?.split(",").includes(s));
      return chosen.length ? chosen : undefined;
    }),
});

/** GET /api/rankings: a region, any period, and the metric the children are ranked by (default: frontline promotions). */
export const rankingFilters = dashboardFiltersOf(PERIOD_KINDS, {
  metric: z.enum(rankingMetrics, { message: "invalid.metric" }).default("frontline"),
});

/**
 * /outstanding and GET /api/outstanding: a region, a year (default: the latest with figures) and
 * optionally one dataset and one quarter (a cell of the reporting board).
 */
export const outstandingFilters = z.object({
  region: regionCode.optional(),
  year: year.optional(),
  dataset: z.enum(datasets, { message: "invalid.reportDataset" }).optional(),
  quarter: quarter.optional(),
});

/** /periods: the year whose reporting periods are shown (default: the latest with any opened). */
export const periodPageFilters = z.object({ year: year.optional() });

/** /organisations and GET /api/organisations: a region and the day the terms are judged as of (absent: today). */
export const organisationFilters = z.object({ region: regionCode.optional(), asOf: day.optional() });

/** GET /api/organisations/records (and the page's list): plus what is counted, a township (9 digits) and the page. */
export const organisationRecordFilters = organisationFilters.extend({
  measure: z.enum(organisationMeasures, { message: "invalid.measure" }).optional(),
  township: z
    .string()
    .regex(/^[0-9]{9}$/, { message: "invalid.township" })
    .optional(),
  page,
});
/** GET /api/cycle (揭榜挂帅 as a cycle): the periods of /projects, whose view it follows. */
export const cycleFilters = dashboardFiltersOf(DATASET_PERIODS.projects);
/** GET /api/cycle/applications and /api/cycle/issues: plus the list's page. */
export const cycleListFilters = dashboardFiltersOf(DATASET_PERIODS.projects, { page });
