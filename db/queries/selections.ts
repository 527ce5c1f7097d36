import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SelectionCounts, SelectionRecords, SelectionsView } from "@/lib/api/selections";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type SelectionCategory, selectionCategories } from "@/lib/contract";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { selections } from "../schema";
import { RECORDS_PAGE_SIZE } from "./records";
import { getRegionPath } from "./regions";
import { completenessOf } from "./reporting";
import { comparisonRows, r, scopeCte, within } from "./rollup";
import { namesVisibleIn } from "./scope";
import { rows } from "./sql";
import { inPeriod, viewFrame, yearsOf } from "./yearly";

/** The category whose name is a person's: blanked outside the caller's name scope. */
const PERSONAL: SelectionCategory = "担当作为好干部";

const countsOf = (list: { category: SelectionCategory; n: number }[]): SelectionCounts => {
  const byCategory = Object.fromEntries(selectionCategories.map((c) => [c, 0])) as Record<SelectionCategory, number>;
  for (const { category, n } of list) byCategory[category] += Number(n);
  return { byCategory, total: Object.values(byCategory).reduce((a, b) => a + b, 0) };
};

/**
 * 好班子好干部 of a region and period: the selections per category per child region (本级 first),
 * 含下级 and per year, counted in SQL over the region's part of the tree. Null for an unknown region.
 */
export async function getSelections(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<SelectionsView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const frame = await viewFrame(db, selections, filters);
  if (!frame) return null;
  const { path, depth, period } = frame;
  const s = selections;
  const scope = scopeCte(path.code, depth);
  const [perChild, perYear, reports] = await Promise.all([
    rows<{ child: string | null; category: SelectionCategory; n: number }>(
      db,
      sql`with ${scope}
          select sc.child, ${s.category} as category, count(*)::int as n
          from ${s} join scope sc on sc.code = ${s.regionCode}
          where ${inPeriod(s, period)}
          group by grouping sets ((sc.child, ${s.category}), (${s.category}))`,
    ),
    rows<{ year: number; category: SelectionCategory; n: number }>(
      db,
      sql`with ${scope}
          select ${s.year} as year, ${s.category} as category, count(*)::int as n
          from ${s} join scope sc on sc.code = ${s.regionCode}
          group by ${s.year}, ${s.category}`,
    ),
    completenessOf(db, path.code, depth, period, ["selections"]),
  ]);
  const of = (child: string | null) => countsOf(perChild.filter((row) => row.child === child));
  const years = [...new Set(perYear.map((row) => Number(row.year)))].sort((a, b) => a - b);
  return {
    region: path,
    period,
    years: frame.years,
    total: of(null),
    own: of(path.code),
    children: comparisonRows(path, frame.children, of, (c) => c.total > 0),
    trend: years.map((year) => ({ year, ...countsOf(perYear.filter((row) => Number(row.year) === year)) })),
    completeness: { total: reports.total, byChild: Object.fromEntries(reports.byChild) },
  };
}

const t = alias(selections, "t");

/**
 * One page of a region's selections (with everything below it) in a period. Every signed-in
 * user may list them; a cadre's name and unit (担当作为好干部) are blanked in SQL unless the record's
 * region lies in the caller's name scope — a team's name is no person's and is shown to all. The
 * list is ordered by what the caller sees, so the order of hidden names reveals nothing. Null for
 * an unknown region.
 */
export async function listSelections(
  db: Db,
  viewer: Principal,
  { region, period, page, category }: { region: string; period?: Period; page: number; category?: SelectionCategory },
): Promise<SelectionRecords | null> {
  if (!(await getRegionPath(db, region))) return null;
  // Without a period, the year the dashboard shows by default: the latest with selections.
  const latest = period ? undefined : (await yearsOf(db, selections))[0];
  const shownPeriod: Period = period ?? { kind: "year", year: latest ?? new Date().getFullYear() };
  const visible = sql`(${t.category} <> ${PERSONAL} or ${namesVisibleIn("selections", viewer, r.ancestors)})`;
  const shown = (column: SQL | typeof t.name) => sql`case when ${visible} then ${column} end`;
  const where = and(
    within(region, r.ancestors),
    inPeriod(t, shownPeriod),
    category ? eq(t.category, category) : undefined,
  );
  const [list, [count]] = await Promise.all([
    db
      .select({
        id: t.id,
        regionCode: t.regionCode,
        regionName: r.nameZh,
        regionNameEn: r.nameEn,
        year: t.year,
        category: t.category,
        name: sql<string | null>`${shown(t.name)}`,
        unit: sql<string | null>`${shown(sql`${t.unit}`)}`,
        summary: t.summary,
        namesHidden: sql<boolean>`not ${visible}`.mapWith(Boolean),
      })
      .from(t)
      .innerJoin(r, eq(r.code, t.regionCode))
      .where(where)
      .orderBy(sql`${t.year} desc`, t.category, t.regionCode, sql`${shown(t.name)} nulls last`, t.id)
      .limit(RECORDS_PAGE_SIZE)
      .offset((page - 1) * RECORDS_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
      .from(t)
      .innerJoin(r, eq(r.code, t.regionCode))
      .where(where),
  ]);
  return { rows: list, total: count.total, pageSize: RECORDS_PAGE_SIZE };
}

/** The latest year with 好班子好干部 figures: the page's default period. */
export async function latestSelectionYear(db: Db): Promise<number | undefined> {
  return (await yearsOf(db, selections))[0];
}
