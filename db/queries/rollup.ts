import { and, eq, exists, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { ChildRegion, RegionRef } from "@/lib/types";
import type { Db, Tx } from "../connect";
import { regions } from "../schema";

/*
 * The pieces every roll-up is made of, written once, with the columns taken from the table
 * objects so that a renamed column fails `tsc` rather than a query at run time.
 *
 * A figure of a region rolls up to the viewed region's child it lies under: that child is the
 * region's ancestor one level below the viewed region (`ancestors[depth + 1]`), or the region
 * itself for the viewed region's own figures (本级). `depth` is the length of the viewed region's
 * path from the root (getRegionPath).
 */

/** The levels a region is compared by: leagues under the autonomous region, banners and zones under a league. */
const COMPARED_LEVELS = ["prefecture", "county", "functional_zone"] as const;
/** A child one can open for its own children (a league; a banner has townships, which are not compared). */
const DRILLABLE_LEVELS = ["county", "functional_zone"] as const;

/** The region and everything below it: one condition on the indexed ancestors array. */
export const within = (region: string, ancestors: AnyPgColumn | SQL = regions.ancestors): SQL =>
  sql`${ancestors} @> array[${region}]::text[]`;

/** The viewed region's child a region rolls up to (itself: 本级). */
export const childOf = (depth: number, region: { code: AnyPgColumn; ancestors: AnyPgColumn } = regions): SQL =>
  sql`coalesce(${region.ancestors}[${depth + 1}], ${region.code})`;

/** The regions expected to report figures: leagues (their own departments, 本级) and banners. */
export const REPORTING_LEVELS = ["prefecture", "county"] as const;

/**
 * The reporting region a figure's region reports through: itself for a league or a banner, its
 * nearest such ancestor otherwise (a township's banner, a league's functional zone's league);
 * null for the autonomous region's own figures, which no report is expected for.
 */
export const reporterOf = (region: { ancestors: AnyPgColumn } = regions): SQL =>
  sql`(select rep.code from regions rep
       where rep.code = any(${region.ancestors}) and rep.level in ('prefecture', 'county')
       order by cardinality(rep.ancestors) desc limit 1)`;

/**
 * `scope(code, child)`: every region within the viewed one, with the child it rolls up to;
 * `withReporter` adds `reporter` (reporterOf), for figures compared like for like.
 */
export const scopeCte = (region: string, depth: number, withReporter = false): SQL =>
  sql`scope as (select ${regions.code} as code, ${childOf(depth)} as child${
    withReporter ? sql`, ${reporterOf()} as reporter` : sql``
  } from ${regions} where ${within(region)})`;

/**
 * The regions a region is compared by: those directly below it at a compared level that existed
 * at some time in the period [from, until) (days, `until` exclusive), in code order.
 */
export async function childRegionsOf(
  db: Db | Tx,
  region: string,
  { from, until }: { from: string; until: string },
): Promise<Omit<ChildRegion, "own">[]> {
  const grandchild = alias(regions, "g");
  return db
    .select({
      code: regions.code,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      drillable: exists(
        db
          .select({ one: sql`1` })
          .from(grandchild)
          .where(and(eq(grandchild.parentCode, regions.code), inArray(grandchild.level, DRILLABLE_LEVELS))),
      ).mapWith(Boolean),
    })
    .from(regions)
    .where(
      and(
        eq(regions.parentCode, region),
        inArray(regions.level, COMPARED_LEVELS),
        or(isNull(regions.validFrom), lt(regions.validFrom, until)),
        or(isNull(regions.validTo), gte(regions.validTo, from)),
      ),
    )
    .orderBy(regions.code);
}

/** `regions r`: the alias the queries join a figure's region by (`join regions r on r.code = f.region_code`). */
export const r = alias(regions, "r");

/**
 * The comparison's rows: the viewed region's own figures (本级) first, when it has any, then each
 * child region's. `figuresOf(code)` gives a region's figures (its own code for 本级).
 */
export function comparisonRows<F extends object>(
  region: RegionRef,
  children: Omit<ChildRegion, "own">[],
  figuresOf: (code: string) => F,
  hasFigures: (figures: F) => boolean,
): (ChildRegion & F)[] {
  const rows = children.map((c) => ({ ...c, own: false, ...figuresOf(c.code) }));
  const own = figuresOf(region.code);
  if (!hasFigures(own)) return rows;
  return [
    { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn, own: true, drillable: false, ...own },
    ...rows,
  ];
}
