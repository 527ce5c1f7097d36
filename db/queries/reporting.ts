import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { alias } from "drizzle-orm/pg-core";
import { AccessDenied } from "@/lib/auth/errors";
import { inScope, outstandingScope, type Principal } from "@/lib/auth/permissions";
import { daysBetween, todayInChina } from "@/lib/calendar";
import {
  boardDatasets,
  cadreDatasets,
  careDatasets,
  cycleDatasets,
  type Dataset,
  isQuarterlyDataset,
  quarterlyDatasets,
  reportedDatasets,
} from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import type { Completeness, RegionLevel, ReportingRow } from "@/lib/types";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { adjustments, arenaCounts, indicators, projects, promotions, regions, reportingPeriods } from "../schema";
import { childOf, REPORTING_LEVELS, within } from "./rollup";
import { rows } from "./sql";

const c = alias(regions, "c");

/**
 * Who has reported what for a year, per child region: for each dataset (and quarter, where the
 * dataset is quarterly) how many of the regions in the child's part of the tree sent any row,
 * against how many could. Staff use it to chase the missing ones.
 */
export async function reportingBoard(db: Db, region: string, depth: number, year: number): Promise<ReportingRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const cells = await rows<{ child: string; cell: string; reported: number }>(
    db,
    // Per region of the scope, a few index probes (has it any row of the year?) rather than
    // every row of the year of every table, whatever the region viewed.
    sql`with scope as (
          select ${regions.code} as code, ${childOf(depth)} as child from ${regions}
          where ${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}
        )
        select s.child, r.cell, count(*)::int as reported
        from scope s
        cross join lateral (
          select 'promotions:' || ${promotions.quarter} as cell from ${promotions}
          where ${promotions.regionCode} = s.code and ${promotions.year} = ${year} group by ${promotions.quarter}
          union all select 'adjustments:' || ${adjustments.quarter} from ${adjustments}
          where ${adjustments.regionCode} = s.code and ${adjustments.year} = ${year} group by ${adjustments.quarter}
          union all select 'arena' where exists (
            select 1 from ${arenaCounts} where ${arenaCounts.regionCode} = s.code and ${arenaCounts.year} = ${year})
          union all select 'projects' where exists (
            select 1 from ${projects}
            where ${projects.regionCode} = s.code and ${projects.takenOn} >= ${from} and ${projects.takenOn} < ${to})
          union all select 'indicators' where exists (
            select 1 from ${indicators} where ${indicators.regionCode} = s.code and ${indicators.year} = ${year})
          ${sql.join(
            GENERIC_REPORTS.map((d) => {
              const table = sql.raw(DATASETS[d].table);
              return quarterly(d)
                ? sql`union all select ${sql.raw(`'${d}:'`)} || quarter from ${table} where region_code = s.code and year = ${year} group by quarter`
                : sql`union all select ${sql.raw(`'${d}'`)} where exists (select 1 from ${table} where region_code = s.code and year = ${year})`;
            }),
            sql` `,
          )}
        ) r
        group by s.child, r.cell`,
  );
  const children = await rows<{ code: string; nameZh: string; nameEn: string | null; expected: number }>(
    db,
    sql`select t.code, ${c.nameZh} as "nameZh", ${c.nameEn} as "nameEn", t.expected
        from (select ${childOf(depth)} as code, count(*)::int as expected
              from ${regions} where ${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}
              group by 1) t
        join regions c on ${c.code} = t.code
        order by t.code <> ${region}, t.code`,
  );
  const open = await openReports(db, region, depth, year);
  return children.map((child) => ({
    ...child,
    own: child.code === region,
    cells: Object.fromEntries(cells.filter((c) => c.child === child.code).map((c) => [c.cell, c.reported])),
    states: Object.fromEntries(
      open.filter((o) => o.child === child.code).map((o) => [o.cell, { pending: o.pending, returned: o.returned }]),
    ),
  }));
}

/**
 * Reports of a year sent but not yet published, per child region and board cell: how many
 * reporting regions have one waiting for review, and how many had theirs returned.
 */
async function openReports(db: Db, region: string, depth: number, year: number) {
  return rows<{ child: string; cell: string; code: string; pending: number; returned: number }>(
    db,
    sql`select ${childOf(depth, { code: c.code, ancestors: c.ancestors })} as child,
               s.dataset || coalesce(':' || p.quarter, '') as cell,
               count(distinct c.code) filter (where s.status = 'pending')::int as pending,
               count(distinct c.code) filter (where s.status = 'returned')::int as returned
        from submissions s join reporting_periods p on p.id = s.period_id
          cross join unnest(s.regions) as covered(code) join regions c on ${c.code} = covered.code
        where s.status in ('pending', 'returned') and p.year = ${year} and ${within(region, c.ancestors)}
        group by 1, 2`,
  );
}

/** Per reporting region, dataset and quarter (cellKey), the state of a report sent but not published. */
async function openReportStates(db: Db, region: string, year: number): Promise<Map<string, "pending" | "returned">> {
  const found = await rows<{ code: string; dataset: Dataset; quarter: number | null; status: "pending" | "returned" }>(
    db,
    sql`select covered.code, s.dataset, p.quarter, s.status
        from submissions s join reporting_periods p on p.id = s.period_id
          cross join unnest(s.regions) as covered(code) join regions c on ${c.code} = covered.code
        where s.status in ('pending', 'returned') and p.year = ${year} and ${within(region, c.ancestors)}
        order by s.id`,
  );
  return new Map(found.map((f) => [cellKey({ code: f.code, dataset: f.dataset, year, quarter: f.quarter }), f.status]));
}

// ---------------------------------------------------------------------------------------------
// Completeness of a period, and comparing two periods like for like.

/** Reported per quarter; the others once a year (docs/data-contract.md §3). */
export const QUARTERLY_DATASETS: readonly Dataset[] = quarterlyDatasets;
const quarterly = isQuarterlyDataset;

/**
 * The datasets whose reports are found the same way, by the year (and quarter) columns of their
 * table and the `(year, region_code)` index every dataset has; the first five above have their own probes.
 */
const GENERIC_REPORTS = [...cadreDatasets, ...careDatasets];

/** One report that is in: a reporting region's rows of a dataset for a year (and quarter, if quarterly). */
export type ReportCell = { child: string; code: string; dataset: Dataset; year: number; quarter: number | null };

export const cellKey = (c: Omit<ReportCell, "child">) => `${c.code}|${c.dataset}|${c.year}|${c.quarter ?? ""}`;

export type PeriodCompleteness = {
  /** The whole region: every reporting region in its part of the tree. */
  total: Completeness;
  /** Per child region the figures roll up to (the region's own code for 本级). */
  byChild: Map<string, Completeness>;
  /** The reports that are in, by cellKey. */
  cells: Set<string>;
};

/** The reports a period expects of one reporting region for a dataset: each quarter, or each year. */
function expectedPerRegion(dataset: Dataset, period: Period): number {
  const { from, to } = periodYears(period);
  const years = to - from + 1;
  if (!quarterly(dataset)) return years;
  return period.kind === "quarter" ? 1 : years * 4;
}

/**
 * The reports that are in for a period, per reporting region (leagues' 本级 and banners) within
 * the region, the same probes as the board: a quarter of a quarterly dataset, a year of the
 * others (a quarter's arena entries, projects and indicators are its year's reports).
 */
export async function reportedCells(
  db: Db,
  region: string,
  depth: number,
  period: Period,
): Promise<{ cells: ReportCell[]; reporters: Map<string, number> }> {
  const { from, to } = periodYears(period);
  const inQuarter = (quarter: AnyPgColumn) =>
    period.kind === "quarter" ? sql`and ${quarter} = ${period.quarter}` : sql``;
  const [cells, reporters] = await Promise.all([
    rows<ReportCell>(
      db,
      sql`with scope as (
            select ${regions.code} as code, ${childOf(depth)} as child from ${regions}
            where ${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}
          )
          select s.child, s.code, r.dataset, r.year, r.quarter
          from scope s
          cross join lateral (
            select 'promotions' as dataset, ${promotions.year} as year, ${promotions.quarter} as quarter from ${promotions}
            where ${promotions.regionCode} = s.code and ${promotions.year} between ${from} and ${to} ${inQuarter(promotions.quarter)}
            group by ${promotions.year}, ${promotions.quarter}
            union all select 'adjustments', ${adjustments.year}, ${adjustments.quarter} from ${adjustments}
            where ${adjustments.regionCode} = s.code and ${adjustments.year} between ${from} and ${to} ${inQuarter(adjustments.quarter)}
            group by ${adjustments.year}, ${adjustments.quarter}
            union all select 'arena', ${arenaCounts.year}, null::int from ${arenaCounts}
            where ${arenaCounts.regionCode} = s.code and ${arenaCounts.year} between ${from} and ${to}
            group by ${arenaCounts.year}
            union all select 'projects', extract(year from ${projects.takenOn})::int, null::int from ${projects}
            where ${projects.regionCode} = s.code
              and ${projects.takenOn} >= ${`${from}-01-01`} and ${projects.takenOn} < ${`${to + 1}-01-01`}
            group by 2
            union all select 'indicators', ${indicators.year}, null::int from ${indicators}
            where ${indicators.regionCode} = s.code and ${indicators.year} between ${from} and ${to}
            group by ${indicators.year}
            ${sql.join(
              GENERIC_REPORTS.map((d) => {
                const table = sql.raw(DATASETS[d].table);
                const q = quarterly(d) ? sql.raw("quarter") : sql`null::int`;
                const inQ = quarterly(d) && period.kind === "quarter" ? sql`and quarter = ${period.quarter}` : sql``;
                return sql`union all select ${sql.raw(`'${d}'`)}, year, ${q} from ${table}
                  where region_code = s.code and year between ${from} and ${to} ${inQ} group by 2, 3`;
              }),
              sql` `,
            )}
            ${sql.join(
              // 揭榜挂帅 as a cycle: a report of a year is a row dated in it (an evaluation: of its year).
              cycleDatasets.map((d) => {
                const spec = DATASETS[d];
                const table = sql.raw(spec.table);
                if (!spec.periodDate)
                  return sql`union all select ${sql.raw(`'${d}'`)}, year, null::int from ${table}
                    where region_code = s.code and year between ${from} and ${to} group by 2`;
                const day = sql.raw(spec.periodDate);
                return sql`union all select ${sql.raw(`'${d}'`)}, extract(year from ${day})::int, null::int from ${table}
                  where region_code = s.code and ${day} >= ${`${from}-01-01`}::date and ${day} < ${`${to + 1}-01-01`}::date group by 2`;
              }),
              sql` `,
            )}
          ) r`,
    ),
    rows<{ child: string; n: number }>(
      db,
      sql`select ${childOf(depth)} as child, count(*)::int as n from ${regions}
          where ${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}
          group by 1`,
    ),
  ]);
  return { cells, reporters: new Map(reporters.map((r) => [r.child, r.n])) };
}

/** Counts the reports of some datasets that are in against those expected. */
export function summarise(
  { cells, reporters }: Awaited<ReturnType<typeof reportedCells>>,
  period: Period,
  of: readonly Dataset[] = reportedDatasets,
): PeriodCompleteness {
  const perRegion = of.reduce((n, d) => n + expectedPerRegion(d, period), 0);
  const chosen = cells.filter((c) => of.includes(c.dataset));
  const byChild = new Map<string, Completeness>();
  for (const [child, n] of reporters) byChild.set(child, { reported: 0, expected: n * perRegion });
  for (const c of chosen) {
    const entry = byChild.get(c.child);
    if (entry) entry.reported++;
  }
  let expected = 0;
  for (const n of reporters.values()) expected += n * perRegion;
  return {
    total: { reported: chosen.length, expected },
    byChild,
    cells: new Set(chosen.map(cellKey)),
  };
}

/**
 * The completeness of a region and of each child for a period: a period is complete when every
 * expected report (dataset × quarter for promotions and adjustments, dataset × year for the
 * others) of every reporting region in its part of the tree is in. `of` narrows it to the
 * datasets a figure is made of.
 */
export async function completenessOf(
  db: Db,
  region: string,
  depth: number,
  period: Period,
  of: readonly Dataset[] = reportedDatasets,
): Promise<PeriodCompleteness> {
  return summarise(await reportedCells(db, region, depth, period), period, of);
}

/** How many years a period is shifted back to reach the one it is compared with. */
const shiftOf = (period: Period) => (period.kind === "range" ? period.to - period.from + 1 : 1);

/**
 * The previous period restricted to what the current one has: the same (reporting region,
 * quarter) of the quarterly datasets, the same reporting regions of the yearly ones. A partial
 * year compared with a whole one would show a fall that is only the reports still missing.
 */
export type Comparable = {
  /** The cells of the previous period that may be counted, by cellKey. */
  allowed: { d: Dataset; r: string; y: number; q: number | null }[];
  /** Whether the restriction leaves out any report the previous period has. */
  restricted: boolean;
};

export function comparable(
  current: PeriodCompleteness["cells"],
  previous: PeriodCompleteness["cells"],
  period: Period,
): Comparable {
  const shift = shiftOf(period);
  const allowed: Comparable["allowed"] = [];
  for (const key of current) {
    const [r, d, y, q] = key.split("|");
    allowed.push({ d: d as Dataset, r, y: Number(y) - shift, q: q === "" ? null : Number(q) });
  }
  const kept = new Set(allowed.map((a) => cellKey({ code: a.r, dataset: a.d, year: a.y, quarter: a.q })));
  return { allowed, restricted: [...previous].some((key) => !kept.has(key)) };
}

/** `comparable(d, r, y, q)`: the previous period's cells that may be counted (see Comparable). */
export const comparableCte = (c: Comparable): SQL =>
  sql`comparable as (
    select * from jsonb_to_recordset(${JSON.stringify(c.allowed)}::jsonb) as t(d text, r text, y int, q int)
  )`;

/**
 * Whether a figure is counted in a like-for-like comparison: its reporting region (scope's
 * `reporter`) reported the same dataset and quarter (or year) in the current period. Figures
 * above the leagues, which no report is expected for, are always counted. An uncorrelated IN, so
 * that Postgres hashes the allowed cells once (an EXISTS under the OR would scan them per row).
 */
export const isComparable = (
  dataset: Dataset,
  reporter: SQL,
  year: SQL | AnyPgColumn,
  quarter?: SQL | AnyPgColumn,
): SQL =>
  quarter
    ? sql`(${reporter} is null or (${reporter}, ${year}, ${quarter}) in (select k.r, k.y, k.q from comparable k where k.d = ${dataset}))`
    : sql`(${reporter} is null or (${reporter}, ${year}) in (select k.r, k.y from comparable k where k.d = ${dataset}))`;

/** The board's column order. */
const BOARD_ORDER: readonly Dataset[] = boardDatasets;

/** One report a period still expects: a reporting region, a dataset, and for a quarterly dataset the quarter. */
export type OutstandingReport = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: RegionLevel;
  /** The league a banner belongs to; the autonomous region for a league's own report (本级). */
  parentName: string | null;
  parentNameEn: string | null;
  dataset: Dataset;
  quarter: number | null;
  /** The deadline of the report's reporting period, where one is open, and the days past it. */
  dueOn: string | null;
  daysOverdue: number | null;
  /** Nothing sent yet, sent and waiting for review, or sent back for correction. */
  state: "missing" | "pending" | "returned";
};

/**
 * Every report of a year not yet in, for a region and the reporting regions below it (leagues'
 * 本级 and banners), in code order: the named list behind the reporting board's partial cells,
 * from the same probes. A user lists their own part of the tree (outstandingScope); an unknown
 * region is null.
 */
export async function outstandingReports(
  db: Db,
  viewer: Principal,
  { region, year, dataset }: { region: string; year: number; dataset?: Dataset },
): Promise<OutstandingReport[] | null> {
  const [target] = await db
    .select({ ancestors: regions.ancestors })
    .from(regions)
    .where(sql`${regions.code} = ${region}`);
  if (!target) return null;
  if (!inScope(outstandingScope(viewer), target.ancestors)) throw new AccessDenied("forbidden");
  const depth = target.ancestors.length;
  const period: Period = { kind: "year", year };
  const parent = alias(regions, "p");
  const [{ cells }, deadlines, reporters, states] = await Promise.all([
    reportedCells(db, region, depth, period),
    db
      .select({ dataset: reportingPeriods.dataset, quarter: reportingPeriods.quarter, dueOn: reportingPeriods.dueOn })
      .from(reportingPeriods)
      .where(eq(reportingPeriods.year, year)),
    db
      .select({
        code: regions.code,
        nameZh: regions.nameZh,
        nameEn: regions.nameEn,
        level: regions.level,
        parentName: parent.nameZh,
        parentNameEn: parent.nameEn,
      })
      .from(regions)
      .leftJoin(parent, sql`${parent.code} = ${regions.parentCode}`)
      .where(sql`${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}`)
      .orderBy(regions.code),
    openReportStates(db, region, year),
  ]);
  const reported = new Set(cells.map(cellKey));
  const today = todayInChina();
  const dueOf = (d: Dataset, quarter: number | null) =>
    deadlines.find((p) => p.dataset === d && p.quarter === quarter)?.dueOn ?? null;
  const of = dataset ? [dataset] : BOARD_ORDER;
  const missing: OutstandingReport[] = [];
  for (const r of reporters) {
    for (const d of of) {
      for (const quarter of quarterly(d) ? [1, 2, 3, 4] : [null]) {
        const key = cellKey({ code: r.code, dataset: d, year, quarter });
        if (!reported.has(key)) {
          const dueOn = dueOf(d, quarter);
          const daysOverdue = dueOn ? Math.max(0, daysBetween(dueOn, today)) : null;
          missing.push({ ...r, dataset: d, quarter, dueOn, daysOverdue, state: states.get(key) ?? "missing" });
        }
      }
    }
  }
  return missing;
}
