import { getTableName, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import type { ChildFigures, Figures, HeadlineDataset, Overview, ProjectTotals } from "@/lib/types";
import { type Period, periodYears, previousPeriod } from "@/lib/view";
import type { Db } from "../connect";
import { adjustments, arenaCounts, indicators, projects, promotions } from "../schema";
import { cadreSummary } from "./cadre-summary";
import { hasDemoData } from "./meta";
import { overdueColumns } from "./periods";
import { periodDays } from "./records";
import { getRegionPath } from "./regions";
import {
  type Comparable,
  comparable,
  comparableCte,
  isComparable,
  reportedCells,
  reportingBoard,
  summarise,
} from "./reporting";
import { childRegionsOf, comparisonRows, scopeCte as scope } from "./rollup";
import { distinctCadres, rows } from "./sql";

type Key = { child: string | null };

const HEADLINE_DATASETS = ["promotions", "arena", "projects"] as const satisfies readonly HeadlineDataset[];

/** `counted c`: arena_counts summed per region and level, under the table's own column names. */
const counted = alias(arenaCounts, "c");

/**
 * The three headline figures of a region and period, per child region (and 本级) and in total,
 * aggregated in SQL; `byChild: false` gives the total alone. With `comparable`, only the figures
 * of the reports allowed by it are counted (a previous period compared like for like).
 * Arena entries are reported per year, so a quarter counts its year's entries.
 */
async function headlineRows(
  db: Db,
  region: string,
  depth: number,
  period: Period,
  { byChild, comparable }: { byChild: boolean; comparable?: Comparable },
) {
  const years = periodYears(period);
  const { from, until } = periodDays(period);
  const inQuarter = period.kind === "quarter" ? sql`and ${promotions.quarter} = ${period.quarter}` : sql``;
  const groups = byChild ? sql`grouping sets ((s.child), ())` : sql`()`;
  const childColumn = byChild ? sql`s.child` : sql`null::text`;
  const withScope = comparable
    ? sql`with ${scope(region, depth, true)}, ${comparableCte(comparable)}`
    : sql`with ${scope(region, depth)}`;
  const only = (condition: () => SQL) => (comparable ? sql`and ${condition()}` : sql``);
  return Promise.all([
    rows<Key & { frontline: number; total: number }>(
      db,
      sql`${withScope}
          select ${childColumn} as child,
                 coalesce(sum(${promotions.count}) filter (where ${promotions.field} <> '非一线'), 0)::int as frontline,
                 coalesce(sum(${promotions.count}), 0)::int as total
          from ${promotions} join scope s on s.code = ${promotions.regionCode}
          where ${promotions.year} between ${years.from} and ${years.to} ${inQuarter}
            ${only(() => isComparable("promotions", sql`s.reporter`, promotions.year, promotions.quarter))}
          group by ${groups}`,
    ),
    rows<Key & { level: ArenaLevel | null; entries: number }>(
      db,
      // The counts per reporting region, level and score bucket (arena_counts, kept by triggers),
      // rolled up to the children: a few hundred rows, not a year's entries (100,000 for the
      // whole autonomous region).
      sql`${withScope}, counted as (
            select ${arenaCounts.regionCode}, ${arenaCounts.level},
                   sum(${arenaCounts.entries}) as ${sql.identifier(arenaCounts.entries.name)}
            from ${arenaCounts}
            where ${arenaCounts.year} between ${years.from} and ${years.to}
              and ${arenaCounts.regionCode} in (select code from scope)
              ${only(() =>
                isComparable(
                  "arena",
                  sql`(select reporter from scope where code = ${arenaCounts.regionCode})`,
                  arenaCounts.year,
                ),
              )}
            group by ${arenaCounts.regionCode}, ${arenaCounts.level}
          )
          select ${childColumn} as child, ${counted.level} as level, sum(${counted.entries})::int as entries
          from counted c join scope s on s.code = ${counted.regionCode}
          group by ${
            byChild
              ? sql`grouping sets ((s.child, ${counted.level}), (s.child), (${counted.level}), ())`
              : sql`grouping sets ((${counted.level}), ())`
          }`,
    ),
    rows<Key & ProjectTotals>(
      db,
      sql`${withScope}
          select ${childColumn} as child, count(*)::int as projects,
                 ${distinctCadres()}::int as cadres,
                 coalesce(sum(${projects.plannedInvestment}), 0)::float8 as "plannedInvestment",
                 coalesce(sum(${projects.fundsInPlace}), 0)::float8 as "fundsInPlace"
          from ${projects} join scope s on s.code = ${projects.regionCode}
          where ${projects.takenOn} >= ${from} and ${projects.takenOn} < ${until}
            ${only(() => isComparable("projects", sql`s.reporter`, sql`extract(year from ${projects.takenOn})::int`))}
          group by ${groups}`,
    ),
  ]);
}

type HeadlineRows = Awaited<ReturnType<typeof headlineRows>>;

/**
 * The headline figures of a region and period: `of(code)` a child's (its own code for 本级),
 * `of(null)` the whole region's. The one arithmetic behind the overview and the rankings.
 */
export async function headlineFigures(
  db: Db,
  region: string,
  depth: number,
  period: Period,
  options: { byChild: boolean; comparable?: Comparable },
): Promise<(child: string | null) => Figures> {
  const grouped = await headlineRows(db, region, depth, period, options);
  return (child) => figuresOf(grouped, child);
}

/** The figures of one child (a code) or of the whole region (null) from the grouped rows. */
function figuresOf([promotionRows, arenaRows, projectRows]: HeadlineRows, child: string | null): Figures {
  const p = promotionRows.find((r) => r.child === child) ?? { frontline: 0, total: 0 };
  const byLevel = Object.fromEntries(
    arenaLevels.map((level) => [level, arenaRows.find((r) => r.child === child && r.level === level)?.entries ?? 0]),
  ) as Record<ArenaLevel, number>;
  const entries = arenaRows.find((r) => r.child === child && r.level === null)?.entries ?? 0;
  const pr = projectRows.find((r) => r.child === child);
  return {
    promotions: { frontline: p.frontline, total: p.total, share: p.total > 0 ? p.frontline / p.total : null },
    arena: { entries, byLevel },
    projects: {
      projects: pr?.projects ?? 0,
      cadres: pr?.cadres ?? 0,
      plannedInvestment: pr?.plannedInvestment ?? 0,
      fundsInPlace: pr?.fundsInPlace ?? 0,
    },
  };
}

/**
 * The overview of one region and period (default: the latest year with figures): the headline
 * figures in total and per child region, the same a period earlier (the year before; for a
 * range, the years just before it), and the reporting board of the period's (last) year.
 */
export async function getOverview(
  db: Db,
  viewer: Principal,
  { region, year, period }: { region: string; year?: number; period?: Period },
): Promise<Overview | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await availableYears(db);
  const shown: Period = period ?? { kind: "year", year: year ?? years[0] ?? new Date().getFullYear() };
  const before = previousPeriod(shown);
  const depth = path.path.length;
  const { from, until } = periodDays(shown);
  const boardYear = periodYears(shown).to;

  const hasPrevious = years.includes(periodYears(before).to);

  const [current, childRegions, demo, reporting, now, then, overdue, cadres] = await Promise.all([
    headlineFigures(db, region, depth, shown, { byChild: true }),
    childRegionsOf(db, region, { from, until }),
    hasDemoData(db),
    reportingBoard(db, region, depth, boardYear),
    reportedCells(db, region, depth, shown),
    hasPrevious ? reportedCells(db, region, depth, before) : null,
    overdueColumns(db, boardYear),
    cadreSummary(db, region, shown),
  ]);
  const like = then && comparable(summarise(now, shown).cells, summarise(then, before).cells, shown);
  const previous =
    like &&
    (await headlineFigures(db, region, depth, before, {
      byChild: false,
      comparable: like.restricted ? like : undefined,
    }));
  const completeness = Object.fromEntries(
    HEADLINE_DATASETS.map((dataset) => {
      const c = summarise(now, shown, [dataset]);
      const restricted =
        then !== null && comparable(c.cells, summarise(then, before, [dataset]).cells, shown).restricted;
      return [dataset, { total: c.total, byChild: Object.fromEntries(c.byChild), likeForLike: restricted }];
    }),
  ) as Overview["completeness"];

  // Grouping-set rows for the grand total have child = null; a child's own rows carry its code.
  const children: ChildFigures[] = comparisonRows(
    path,
    childRegions,
    (code) => current(code),
    (own) => own.promotions.total + own.arena.entries + own.projects.projects > 0,
  );
  return {
    region: path,
    period: shown,
    previousPeriod: before,
    year: boardYear,
    years,
    demo,
    totals: current(null),
    previous: previous ? previous(null) : null,
    completeness,
    children,
    reporting,
    overdue,
    cadres,
  };
}

/**
 * The distinct years of a table by skipping through its index on (year, …): one probe per year
 * present (a loose index scan), not a read of every row as `group by year` would do.
 */
function yearsOf(table: typeof promotions | typeof arenaCounts | typeof adjustments | typeof indicators): SQL {
  const years = sql.raw(`${getTableName(table)}_years`);
  return sql`${years}(y) as (
    select min(${table.year})::int from ${table}
    union all
    select (select min(${table.year})::int from ${table} where ${table.year} > ${years}.y) from ${years} where y is not null
  )`;
}

/** Years that have any figure, newest first. */
export async function availableYears(db: Db): Promise<number[]> {
  const result = await rows<{ year: number }>(
    db,
    sql`with recursive ${yearsOf(promotions)}, ${yearsOf(arenaCounts)}, ${yearsOf(adjustments)},
          ${yearsOf(indicators)},
          projects_years(y) as (
            select extract(year from min(${projects.takenOn}))::int from ${projects}
            union all
            select (select extract(year from min(${projects.takenOn}))::int from ${projects}
                    where ${projects.takenOn} >= make_date(projects_years.y + 1, 1, 1))
            from projects_years where y is not null
          )
        select year from (
          select y as year from promotions_years
          union select y from arena_counts_years
          union select y from projects_years
          union select y from adjustments_years
          union select y from indicators_years
        ) t
        where year is not null
        order by year desc`,
  );
  return result.map((r) => r.year);
}
