/**
 * The URL of a dashboard view without its validation (lib/filters.ts holds the zod schemas that
 * parse it): the period types, the datasets' periods, and the query strings a link is made of.
 * Client code imports this module, so that zod stays out of the pages' first-load JavaScript.
 */

export type OverviewFilters = { region?: string; year?: number };

/** The URL query for a view; the default year is left out. */
export function overviewSearch({ region, year }: Partial<OverviewFilters>): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (year) query.set("year", String(year));
  const text = query.toString();
  return text ? `?${text}` : "";
}

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

export const PERIOD_KINDS = ["year", "quarter", "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The periods each dataset can answer (docs/data-contract.md §3). Arena entries are reported per year only,
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
  evaluations: ["year", "range"],
  job_fit: ["year", "range"],
  young_cadres: ["year", "range"],
  selections: ["year", "range"],
  routine_assessments: PERIOD_KINDS,
  member_care: PERIOD_KINDS,
  challenges: PERIOD_KINDS,
  applications: PERIOD_KINDS,
  project_issues: PERIOD_KINDS,
  project_evaluations: ["year", "range"],
} as const satisfies Record<string, readonly PeriodKind[]>;

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

/** The sort of a list: the default when absent; a column without a direction sorts ascending. */
export function projectSort(sort?: ProjectSortKey, dir?: SortDirection): { sort: ProjectSortKey; dir: SortDirection } {
  return sort ? { sort, dir: dir ?? "asc" } : { sort: DEFAULT_PROJECT_SORT.sort, dir: dir ?? DEFAULT_PROJECT_SORT.dir };
}

export type ProjectListFilters = {
  region: string;
  period?: Period;
  page: number;
  sort: ProjectSortKey;
  dir: SortDirection;
};

/**
 * The URL query of the project list; the default sort (newest first) and the first page are left
 * out. `years: "all"` is the page's explicit "all years" (without a period it shows the latest year).
 */
export function projectSearch({
  region,
  period,
  page: n,
  sort,
  dir,
  asOf,
  years,
}: Partial<ProjectListFilters> & { asOf?: string; years?: "all" }): string {
  const isDefault = sort === DEFAULT_PROJECT_SORT.sort && dir === DEFAULT_PROJECT_SORT.dir;
  return dashboardSearch(
    { region, period },
    {
      sort: isDefault ? undefined : sort,
      dir: isDefault ? undefined : dir,
      page: n && n > 1 ? n : undefined,
      asOf,
      years: period ? undefined : years,
    },
  );
}

/** The parts a report can hold, in the order it prints them. */
export const reportSections = [
  "overview",
  "promotions",
  "adjustments",
  "arena",
  "projects",
  "indicators",
  "cadres",
  "rankings",
  "outstanding",
] as const;
export type ReportSection = (typeof reportSections)[number];

/** The pages whose view (region and period) a link to them carries over, and the periods each can show. */
const CARRIED_PERIODS: Record<string, readonly PeriodKind[]> = {
  "/": PERIOD_KINDS,
  "/promotions": DATASET_PERIODS.promotions,
  "/adjustments": DATASET_PERIODS.adjustments,
  "/arena": DATASET_PERIODS.arena,
  "/indicators": DATASET_PERIODS.indicators,
  "/projects": DATASET_PERIODS.projects,
  "/evaluations": DATASET_PERIODS.evaluations,
  "/job-fit": DATASET_PERIODS.job_fit,
  "/young-cadres": DATASET_PERIODS.young_cadres,
  "/selections": DATASET_PERIODS.selections,
  "/routine-assessments": DATASET_PERIODS.routine_assessments,
  "/reports": ["year", "quarter"],
  "/outstanding": ["year"],
};

/** The nearest period of the kinds a page can show: a quarter becomes its year, a range its last year. */
export function periodFor(period: Period, kinds: readonly PeriodKind[]): Period {
  if (kinds.includes(period.kind)) return period;
  return { kind: "year", year: period.kind === "range" ? period.to : period.year };
}

/** The period a URL's query names, read leniently (the page's own schema validates it). */
function periodOfQuery(query: URLSearchParams): Period | undefined {
  const number = (key: string) => (/^\d{4}$/.test(query.get(key) ?? "") ? Number(query.get(key)) : undefined);
  const year = number("year");
  const from = number("from");
  const to = number("to");
  const quarter = /^[1-4]$/.test(query.get("quarter") ?? "") ? Number(query.get("quarter")) : undefined;
  if (from && to) return { kind: "range", from, to };
  if (year && quarter) return { kind: "quarter", year, quarter };
  if (year) return { kind: "year", year };
  return undefined;
}

/**
 * A link to another page that keeps the region and period the user chose, where the target can
 * show them (a quarter on the arena page becomes its year); other pages get their plain address.
 */
export function carriedHref(target: string, current: URLSearchParams): string {
  const kinds = CARRIED_PERIODS[target];
  if (!kinds) return target;
  const region = /^\d{6}$/.test(current.get("region") ?? "") ? (current.get("region") as string) : undefined;
  const period = periodOfQuery(current);
  return `${target}${dashboardSearch({ region, period: period && periodFor(period, kinds) })}`;
}
