import { sql } from "drizzle-orm";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/filters";
import type { RegionPath } from "@/lib/types";
import type { Db } from "../connect";
import { namesVisible } from "./records";
import { getRegionPath } from "./regions";
import { rows } from "./sql";

/** A child region of the viewed one (or the viewed region itself, 本级) with its entries per level. */
export type ArenaChild = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** The viewed region's own entries (本级), as opposed to a subordinate region's. */
  own: boolean;
  drillable: boolean;
  entries: number;
  byLevel: Record<ArenaLevel, number>;
};

export type ArenaLeader = {
  level: ArenaLevel;
  /** The contest's year (a range of years ranks the entries of all its years together). */
  year: number;
  /** Place in this leaderboard (by score, ties share a place). */
  position: number;
  /** The rank the contest itself reported, if any. */
  reportedRank: number | null;
  award: string | null;
  organisation: string;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  /** Null where the viewer may not see the name (blanked in SQL). */
  secretary: string | null;
  score: number;
  namesHidden: boolean;
};

/** Histogram buckets of scores: 0 is "below 60", 1–8 are 60–65 … 95–100. */
export const SCORE_BUCKETS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
export type ScoreBucket = { bucket: number; from: number | null; to: number; byLevel: Record<ArenaLevel, number> };

/** Arena entries are reported per year: one year or a range of whole years. */
export type ArenaPeriod = Extract<Period, { kind: "year" | "range" }>;

export type ArenaBoard = {
  region: RegionPath;
  /** The period shown: the one asked for, or the latest year with entries. */
  period: ArenaPeriod;
  /** Years with arena entries anywhere, newest first. */
  years: number[];
  entries: number;
  byLevel: Record<ArenaLevel, number>;
  children: ArenaChild[];
  leaderboards: Record<ArenaLevel, ArenaLeader[]>;
  histogram: ScoreBucket[];
  /** Entries without a score (not in the leaderboard or the histogram). */
  unscored: number;
};

export const LEADERBOARD_SIZE = 10;

const zeros = () => Object.fromEntries(arenaLevels.map((l) => [l, 0])) as Record<ArenaLevel, number>;

/**
 * Secretaries' names are blanked in SQL unless the entry's region lies inside the viewer's home
 * region; admins and 150000 users see all (lib/auth/permissions.ts canSeeNames, the same rule as
 * db/queries/records.ts). `r` is the entry's region.
 */

/** Years with arena entries, newest first. */
export async function arenaYears(db: Db): Promise<number[]> {
  const result = await rows<{ year: number }>(
    db,
    sql`select year::int as year from arena_entries group by year order by year desc`,
  );
  return result.map((r) => r.year);
}

/**
 * 擂台比武 of a region and a year or range of years, everything aggregated in SQL: entries per
 * level in total and per child region (a figure belongs to the region that reported it; a
 * child's count includes its own subordinates; a range adds its years up), the top entries by
 * score per level, and the score distribution. A quarter is not a period of this dataset
 * (the route refuses it); given one here, its year is shown.
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
  const inPeriod = sql`a.year between ${span.from} and ${span.to}`;

  const [perChild, leaders, buckets, [unscored], childRegions] = await Promise.all([
    rows<{ child: string | null; level: ArenaLevel | null; entries: number }>(
      db,
      sql`select coalesce(r.ancestors[${depth + 1}], r.code) as child, a.level, count(*)::int as entries
          from arena_entries a join regions r on r.code = a.region_code
          where r.ancestors @> array[${region}]::text[] and ${inPeriod}
          group by grouping sets ((1, 2), (2))`,
    ),
    // Top N per level: a window over the entries of the region and year that have a score.
    rows<ArenaLeader & { n: number }>(
      db,
      sql`select * from (
            select a.level, a.year::int as year, (rank() over (partition by a.level order by a.score desc))::int as position, a.rank as "reportedRank", a.award, a.organisation,
                   a.region_code as "regionCode", r.name_zh as "regionName", r.name_en as "regionNameEn",
                   case when ${visible} then a.secretary end as secretary,
                   a.score::float8 as score, not (${visible}) as "namesHidden",
                   (row_number() over (partition by a.level order by a.score desc, a.organisation, a.region_code, a.year))::int as n
            from arena_entries a join regions r on r.code = a.region_code
            where r.ancestors @> array[${region}]::text[] and ${inPeriod} and a.score is not null
          ) t
          where n <= ${LEADERBOARD_SIZE}
          order by level, n`,
    ),
    rows<{ level: ArenaLevel; bucket: number; entries: number }>(
      db,
      sql`select a.level,
                 case when a.score < 60 then 0 else least(floor((a.score - 60) / 5)::int + 1, 8) end as bucket,
                 count(*)::int as entries
          from arena_entries a join regions r on r.code = a.region_code
          where r.ancestors @> array[${region}]::text[] and ${inPeriod} and a.score is not null
          group by 1, 2`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n
          from arena_entries a join regions r on r.code = a.region_code
          where r.ancestors @> array[${region}]::text[] and ${inPeriod} and a.score is null`,
    ),
    rows<{ code: string; nameZh: string; nameEn: string | null; drillable: boolean }>(
      db,
      sql`select c.code, c.name_zh as "nameZh", c.name_en as "nameEn",
                 exists (select 1 from regions g where g.parent_code = c.code and g.level in ('county', 'functional_zone')) as drillable
          from regions c
          where c.parent_code = ${region} and c.level in ('prefecture', 'county', 'functional_zone')
            and (c.valid_from is null or c.valid_from < ${to}) and (c.valid_to is null or c.valid_to >= ${from})
          order by c.code`,
    ),
  ]);

  // Rows grouped by (child, level) carry the child; the per-level totals have child = null.
  const levelsOf = (child: string | null) => {
    const byLevel = zeros();
    for (const r of perChild) if (r.child === child && r.level) byLevel[r.level] = r.entries;
    return byLevel;
  };
  const sum = (byLevel: Record<ArenaLevel, number>) => Object.values(byLevel).reduce((a, b) => a + b, 0);
  const children: ArenaChild[] = childRegions.map((c) => {
    const byLevel = levelsOf(c.code);
    return { ...c, own: false, byLevel, entries: sum(byLevel) };
  });
  const own = levelsOf(region);
  if (sum(own) > 0) {
    children.unshift({
      code: region,
      nameZh: path.nameZh,
      nameEn: path.nameEn,
      own: true,
      drillable: false,
      byLevel: own,
      entries: sum(own),
    });
  }
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
  };
}
