import { and, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { LeagueOption } from "@/lib/api/regions";
import type { ChildRegion, Completeness, RegionPath } from "@/lib/types";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { adjustments, promotions, regions } from "../schema";
import { availableYears } from "./overview";
import { getRegionPath } from "./regions";
import { type Comparable, comparableCte, completenessOf, isComparable } from "./reporting";
import { childRegionsOf, comparisonRows, scopeCte } from "./rollup";
import { rows } from "./sql";

/**
 * Quarterly counts by a key (promotions by field, adjustments by type) for a region and a period:
 * per child region, the region's own level (本级), everything below it (含下级) and per quarter.
 * All sums are done in SQL. A figure belongs to the region that reported it; the child it rolls
 * up to is its ancestor one level below the viewed region (`ancestors[depth + 1]`), or the viewed
 * region itself for its own figures, so every figure is counted exactly once.
 */
export type CountTable = "promotions" | "adjustments";

type Breakdown<K extends string> = {
  region: RegionPath;
  period: Period;
  years: number[];
  total: Record<K, number>;
  own: Record<K, number>;
  children: (ChildRegion & { counts: Record<K, number> })[];
  trend: { year: number; quarter: number; counts: Record<K, number> }[];
  completeness: { total: Completeness; byChild: Record<string, Completeness> };
};

type Counts = typeof promotions | typeof adjustments;

// The table and key column come from this closed list, never from a request.
const TABLES: Record<CountTable, { table: Counts; key: AnyPgColumn }> = {
  promotions: { table: promotions, key: promotions.field },
  adjustments: { table: adjustments, key: adjustments.type },
};

export const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function periodCondition(f: Counts, period: Period): SQL {
  if (period.kind === "range") return sql`${f.year} between ${period.from} and ${period.to}`;
  if (period.kind === "quarter") return sql`${f.year} = ${period.year} and ${f.quarter} = ${period.quarter}`;
  return sql`${f.year} = ${period.year}`;
}

/**
 * The counts by key of a region and period per child (its own code for 本级) and in total
 * (`null`), summed in SQL; with `comparable`, over only the reports it allows (a previous period
 * compared like for like). The one arithmetic behind the breakdowns and the rankings.
 */
export async function countsByChild<K extends string>(
  db: Db,
  dataset: CountTable,
  keys: readonly K[],
  { region, depth, period, comparable }: { region: string; depth: number; period: Period; comparable?: Comparable },
): Promise<(child: string | null) => Record<K, number>> {
  const { table, key } = TABLES[dataset];
  const withScope = comparable
    ? sql`with ${scopeCte(region, depth, true)}, ${comparableCte(comparable)}`
    : sql`with ${scopeCte(region, depth)}`;
  const perChild = await rows<{ child: string | null; key: K; n: number }>(
    db,
    // (child, key) per child; (key) alone is the whole region (含下级), child = null.
    sql`${withScope}
        select s.child, ${key} as key, sum(${table.count})::int as n
        from ${table} join scope s on s.code = ${table.regionCode}
        where ${periodCondition(table, period)}
          ${comparable ? sql`and ${isComparable(dataset, sql`s.reporter`, table.year, table.quarter)}` : sql``}
        group by grouping sets ((s.child, ${key}), (${key}))`,
  );
  return (child) =>
    countsOf(
      keys,
      perChild.filter((r) => r.child === child),
    );
}

const countsOf = <K extends string>(keys: readonly K[], list: { key: K; n: number }[]) => {
  const out = zeros(keys);
  for (const { key: k, n } of list) out[k] += n;
  return out;
};

export async function countBreakdown<K extends string>(
  db: Db,
  dataset: CountTable,
  keys: readonly K[],
  { region, period }: { region: string; period?: Period },
): Promise<Breakdown<K> | null> {
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await availableYears(db);
  const shown: Period = period ?? { kind: "year", year: years[0] ?? new Date().getFullYear() };
  const { from, to } = periodYears(shown);
  const depth = path.path.length;
  const { table, key } = TABLES[dataset];
  const scope = scopeCte(region, depth);

  const [ofChild, perQuarter, childRegions, reports] = await Promise.all([
    countsByChild(db, dataset, keys, { region, depth, period: shown }),
    rows<{ year: number; quarter: number; key: K; n: number }>(
      db,
      sql`with ${scope}
          select ${table.year} as year, ${table.quarter} as quarter, ${key} as key, sum(${table.count})::int as n
          from ${table} join scope s on s.code = ${table.regionCode}
          where ${table.year} between ${from} and ${to}
          group by ${table.year}, ${table.quarter}, ${key}`,
    ),
    childRegionsOf(db, region, { from: `${from}-01-01`, until: `${to + 1}-01-01` }),
    completenessOf(db, region, depth, shown, [dataset]),
  ]);

  const own = ofChild(region);
  const children = comparisonRows(
    path,
    childRegions,
    (code) => ({ counts: ofChild(code) }),
    ({ counts }) => Object.values<number>(counts).some((n) => n > 0),
  );
  const trend: Breakdown<K>["trend"] = [];
  for (let year = from; year <= to; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      trend.push({
        year,
        quarter,
        counts: countsOf(
          keys,
          perQuarter.filter((r) => r.year === year && r.quarter === quarter),
        ),
      });
    }
  }
  const completeness = { total: reports.total, byChild: Object.fromEntries(reports.byChild) };
  return { region: path, period: shown, years, total: ofChild(null), own, children, trend, completeness };
}

/** The 12 leagues with their banners and zones, in code order, for the region cascade. */
export async function leagueOptions(db: Db): Promise<LeagueOption[]> {
  const list = await db
    .select({
      code: regions.code,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      parent: regions.parentCode,
      level: regions.level,
    })
    .from(regions)
    .where(and(inArray(regions.level, ["prefecture", "county", "functional_zone"]), isNull(regions.validTo)))
    .orderBy(regions.code);
  return list
    .filter((r) => r.level === "prefecture")
    .map(({ code, nameZh, nameEn }) => ({
      code,
      nameZh,
      nameEn,
      banners: list.filter((b) => b.parent === code).map((b) => ({ code: b.code, nameZh: b.nameZh, nameEn: b.nameEn })),
    }));
}
