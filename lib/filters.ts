import { z } from "zod";

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

export const PERIOD_KINDS = ["year", "quarter", "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The periods each dataset can answer (DESIGN.md §3). Arena entries are reported per year only,
 * so a quarter would be a guess; a range of years adds them up. Scorecard indicators (growth
 * rates, ranks) never add up, so a range of years has no figure to show: a year means the
 * whole-year figures, a quarter that quarter's. Projects carry the day they were taken, so any
 * of the three works.
 */
export const DATASET_PERIODS = {
  promotions: PERIOD_KINDS,
  adjustments: PERIOD_KINDS,
  arena: ["year", "range"],
  indicators: ["year", "quarter"],
  projects: PERIOD_KINDS,
} as const satisfies Record<string, readonly PeriodKind[]>;

const periodShape = {
  region: overviewFilters.shape.region,
  year: filterYear.optional(),
  quarter: filterQuarter.optional(),
  from: filterYear.optional(),
  to: filterYear.optional(),
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

export function parseDashboardFilters(params: RawParams) {
  return dashboardFilters.safeParse(plain(params));
}

/** Parses a page's or route's URL with its own definition (first value of each key, blanks dropped). */
export function parseFilters<T extends z.ZodType>(schema: T, params: RawParams) {
  return schema.safeParse(plain(params)) as z.ZodSafeParseResult<z.output<T>>;
}

/** The URL query of a dashboard view; an absent region or period (the defaults) is left out. */
export function dashboardSearch(
  { region, period }: DashboardFilters,
  /** The page's own parameters (level, sort, page, …); empty ones are left out. */
  extra: Record<string, string | number | undefined | null> = {},
): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (period?.kind === "range") {
    query.set("from", String(period.from));
    query.set("to", String(period.to));
  } else if (period) {
    query.set("year", String(period.year));
    if (period.kind === "quarter") query.set("quarter", String(period.quarter));
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The whole years a period touches, first and last. */
export function periodYears(period: Period): { from: number; to: number } {
  return period.kind === "range" ? { from: period.from, to: period.to } : { from: period.year, to: period.year };
}

/** The period a view compares with: the year before (for a quarter, the same quarter a year before), or as many years just before a range. */
export function previousPeriod(period: Period): Period {
  if (period.kind === "range") {
    const length = period.to - period.from + 1;
    return { kind: "range", from: period.from - length, to: period.to - length };
  }
  return { ...period, year: period.year - 1 };
}

/** A stable, short key of a period for query keys and file names ("2023", "2023Q3", "2021-2023"). */
export function periodKey(period: Period | undefined): string {
  if (!period) return "latest";
  if (period.kind === "range") return `${period.from}-${period.to}`;
  return period.kind === "quarter" ? `${period.year}Q${period.quarter}` : String(period.year);
}

// ---------------------------------------------------------------------------------------------
// The pages built on it.

/** /arena and GET /api/arena: entries are reported per year, so a year or a range of years. */
export const arenaFilters = dashboardFiltersOf(DATASET_PERIODS.arena);

/** /indicators and GET /api/indicators: the whole-year figures of a year, or a quarter's. */
export const indicatorFilters = dashboardFiltersOf(DATASET_PERIODS.indicators);

/** Columns the project list can be sorted by (the whitelist the query maps to SQL). */
export const PROJECT_SORT_KEYS = [
  "code",
  "name",
  "region",
  "industryChain",
  "leadCadre",
  "cadreUnit",
  "takenOn",
  "stage",
  "plannedInvestment",
  "fundsInPlace",
] as const;
export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";
/** Newest first, as a register is read. */
export const DEFAULT_PROJECT_SORT = { sort: "takenOn", dir: "desc" } as const satisfies {
  sort: ProjectSortKey;
  dir: SortDirection;
};

const page = z.coerce
  .number({ message: "invalid.page" })
  .int({ message: "invalid.page" })
  .min(1, { message: "invalid.page" })
  .default(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalid.date" });
const sortShape = {
  sort: z.enum(PROJECT_SORT_KEYS, { message: "invalid.sort" }).optional(),
  dir: z.enum(["asc", "desc"], { message: "invalid.direction" }).optional(),
};

/** The sort of a list: the default when absent; a column without a direction sorts ascending. */
export function projectSort(sort?: ProjectSortKey, dir?: SortDirection): { sort: ProjectSortKey; dir: SortDirection } {
  return sort ? { sort, dir: dir ?? "asc" } : { sort: DEFAULT_PROJECT_SORT.sort, dir: dir ?? DEFAULT_PROJECT_SORT.dir };
}

/**
 * GET /api/projects: region, period (absent: all years, a register rather than a dashboard),
 * page, and the sort column and direction.
 */
export const projectListFilters = dashboardFiltersOf(DATASET_PERIODS.projects, { page, ...sortShape });

/** GET /api/project-stats: region, period, and the day the funnel is drawn as of (absent: today). */
export const projectStatsFilters = dashboardFiltersOf(DATASET_PERIODS.projects, { asOf: day.optional() });

/** /projects: everything of both, in one URL. */
export const projectPageFilters = dashboardFiltersOf(DATASET_PERIODS.projects, {
  page,
  ...sortShape,
  asOf: day.optional(),
});

export type ProjectListFilters = {
  region: string;
  period?: Period;
  page: number;
  sort: ProjectSortKey;
  dir: SortDirection;
};

/** The URL query of the project list; the default sort (newest first) and the first page are left out. */
export function projectSearch({
  region,
  period,
  page: n,
  sort,
  dir,
  asOf,
}: Partial<ProjectListFilters> & { asOf?: string }): string {
  const isDefault = sort === DEFAULT_PROJECT_SORT.sort && dir === DEFAULT_PROJECT_SORT.dir;
  return dashboardSearch(
    { region, period },
    {
      sort: isDefault ? undefined : sort,
      dir: isDefault ? undefined : dir,
      page: n && n > 1 ? n : undefined,
      asOf,
    },
  );
}
