import { and, between, eq, gte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ArenaBoard, ArenaChild, ArenaLeader, ArenaPeriod, ScoreBucket } from "@/lib/api/arena";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { arenaCounts, arenaEntries } from "../schema";
import { getRegionPath } from "./regions";
import { completenessOf } from "./reporting";
import { childOf, childRegionsOf, comparisonRows, r, within } from "./rollup";
import { namesVisible } from "./scope";
import { rows, sumInt } from "./sql";

/** Histogram buckets of scores: 0 is "below 60", 1–8 are 60–65 … 95–100. */
export const SCORE_BUCKETS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

export const LEADERBOARD_SIZE = 10;

/** `arena_counts c` and `arena_entries a`, each joined to its region as `regions r`. */
const c = alias(arenaCounts, "c");
const a = alias(arenaEntries, "a");

const zeros = () => Object.fromEntries(arenaLevels.map((l) => [l, 0])) as Record<ArenaLevel, number>;

/**
 * Secretaries' names are blanked in SQL unless the entry's region lies inside the viewer's home
 * region; admins and 150000 users see all (lib/auth/permissions.ts canSeeNames, the same rule as
 * db/queries/records.ts). `r` is the entry's region.
 */

/** Years with arena entries, newest first (from the counts kept by the triggers of migration 0005). */
export async function arenaYears(db: Db): Promise<number[]> {
  // A loose index scan of the counts' (year, region) index: one probe per year present.
  const result = await rows<{ year: number }>(
    db,
    sql`with recursive y(year) as (
          select max(${arenaCounts.year}) from ${arenaCounts}
          union all
          select (select max(${arenaCounts.year}) from ${arenaCounts} where ${arenaCounts.year} < y.year)
          from y where y.year is not null
        )
        select year::int as year from y where year is not null order by year desc`,
  );
  return result.map((r) => r.year);
}

/**
 * 擂台比武 of a region and a year or range of years, everything aggregated in SQL: entries per
 * level in total and per child region (a figure belongs to the region that reported it; a
 * child's count includes its own subordinates; a range adds its years up), the top entries by
 * score per level, and the score distribution. A quarter is not a period of this dataset
 * (the route refuses it); given one here, its year is shown. Counts come from arena_counts (per
 * reporting region, year, level and score bucket, kept by triggers in the writing transaction);
 * the leaderboards read the entries.
 */
export async function getArenaBoard(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<ArenaBoard | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await arenaYears(db);
  const shown: ArenaPeriod =
    period?.kind === "range" ? period : { kind: "year", year: period?.year ?? years[0] ?? new Date().getFullYear() };
  const span = periodYears(shown);
  const depth = path.path.length;
  const from = `${span.from}-01-01`;
  const to = `${span.to + 1}-01-01`;
  const visible = namesVisible(viewer);
  const countsInPeriod = between(c.year, span.from, span.to);

  const [perChild, leaders, buckets, [unscored], childRegions, reports] = await Promise.all([
    rows<{ child: string | null; level: ArenaLevel | null; entries: number }>(
      db,
      sql`select ${childOf(depth, r)} as child, ${c.level} as level, sum(${c.entries})::int as entries
          from arena_counts c join regions r on ${r.code} = ${c.regionCode}
          where ${within(region, r.ancestors)} and ${countsInPeriod}
          group by grouping sets ((1, 2), (2))`,
    ),
    // Top N per level, read in leaderboard order from arena_entries_leaderboard_idx (year,
    // level, score desc, organisation, region) and stopped at N. For the autonomous region and a
    // league, once per level and year of the period, keeping those inside the region (most
    // are); further down, once per reporting region, level and year that has scored entries
    // (from arena_counts), then merged. Either way the kept rows hold the region's first N, and the
    // places (rank, ties share one) need only the rows before each, all among them.
    rows<ArenaLeader & { n: number }>(
      db,
      sql`select * from (
            select l.level, t.year, (rank() over (partition by l.level order by t.score desc))::int as position,
                   t."reportedRank", t.award, t.organisation, t."regionCode", t."regionName", t."regionNameEn",
                   t.secretary, t.score, t."namesHidden",
                   (row_number() over (partition by l.level order by t.score desc, t.organisation, t."regionCode", t.year))::int as n
            from ${
              depth <= 2
                ? sql`unnest(enum_range(null::arena_level)) as l(level)
                      cross join generate_series(${span.from}::int, ${span.to}::int) as y(year)`
                : sql`(select distinct ${c.level} as level, ${c.regionCode} as region_code, ${c.year} as year
                       from arena_counts c join regions r on ${r.code} = ${c.regionCode}
                       where ${within(region, r.ancestors)} and ${countsInPeriod} and ${c.bucket} >= 0) l`
            }
            cross join lateral (
              select ${a.year}::int as year, ${a.rank} as "reportedRank", ${a.award} as award, ${a.organisation} as organisation,
                     ${a.regionCode} as "regionCode", ${r.nameZh} as "regionName", ${r.nameEn} as "regionNameEn",
                     case when ${visible} then ${a.secretary} end as secretary,
                     ${a.score}::float8 as score, not (${visible}) as "namesHidden"
              from arena_entries a join regions r on ${r.code} = ${a.regionCode}
              where ${a.year} = ${depth <= 2 ? sql`y.year` : sql`l.year`} and ${a.level} = l.level and ${a.score} is not null
                and ${depth <= 2 ? within(region, r.ancestors) : sql`${a.regionCode} = l.region_code`}
              order by ${a.score} desc nulls last, ${a.organisation}, ${a.regionCode}
              limit ${LEADERBOARD_SIZE}
            ) t
          ) ranked
          where n <= ${LEADERBOARD_SIZE}
          order by level, n`,
    ),
    db
      .select({ level: c.level, bucket: c.bucket, entries: sumInt(c.entries) })
      .from(c)
      .innerJoin(r, eq(r.code, c.regionCode))
      .where(and(within(region, r.ancestors), countsInPeriod, gte(c.bucket, 0)))
      .groupBy(c.level, c.bucket),
    db
      .select({ n: sql<number>`coalesce(sum(${c.entries}), 0)::int`.mapWith(Number) })
      .from(c)
      .innerJoin(r, eq(r.code, c.regionCode))
      .where(and(within(region, r.ancestors), countsInPeriod, eq(c.bucket, -1))),
    childRegionsOf(db, region, { from, until: to }),
    completenessOf(db, region, depth, shown, ["arena"]),
  ]);

  // Rows grouped by (child, level) carry the child; the per-level totals have child = null.
  const levelsOf = (child: string | null) => {
    const byLevel = zeros();
    for (const r of perChild) if (r.child === child && r.level) byLevel[r.level] = r.entries;
    return byLevel;
  };
  const sum = (byLevel: Record<ArenaLevel, number>) => Object.values(byLevel).reduce((a, b) => a + b, 0);
  const children: ArenaChild[] = comparisonRows(
    path,
    childRegions,
    (code) => {
      const byLevel = levelsOf(code);
      return { byLevel, entries: sum(byLevel) };
    },
    ({ entries }) => entries > 0,
  );
  const byLevel = levelsOf(null);

  const leaderboards = Object.fromEntries(arenaLevels.map((l) => [l, [] as ArenaLeader[]])) as Record<
    ArenaLevel,
    ArenaLeader[]
  >;
  for (const { n: _, ...leader } of leaders) leaderboards[leader.level].push(leader);

  const histogram: ScoreBucket[] = SCORE_BUCKETS.map((bucket) => {
    const counts = zeros();
    for (const b of buckets) if (b.bucket === bucket) counts[b.level] = b.entries;
    return {
      bucket,
      from: bucket === 0 ? null : 55 + bucket * 5,
      to: bucket === 0 ? 60 : 60 + bucket * 5,
      byLevel: counts,
    };
  }).filter((b) => b.bucket > 0 || sum(b.byLevel) > 0);

  return {
    region: path,
    period: shown,
    years,
    entries: sum(byLevel),
    byLevel,
    children,
    leaderboards,
    histogram,
    unscored: unscored.n,
    completeness: Object.fromEntries(reports.byChild),
  };
}
