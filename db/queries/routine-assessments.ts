import { type SQL, sql } from "drizzle-orm";
import type {
  AssessedFigures,
  AssessmentMethod,
  ContactPoint,
  RoutineAssessmentsView,
  RoutineFigures,
} from "@/lib/api/routine-assessments";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { assessmentMethods, MIN_GROUP } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { routineAssessments as ra, regions } from "../schema";
import { completenessOf } from "./reporting";
import { comparisonRows, scopeCte } from "./rollup";
import { rows } from "./sql";
import { inPeriod, viewFrame, yearsOf } from "./yearly";

/** A contact point is its name within the region that reported it. */
const POINT: SQL = sql`(${ra.regionCode} || '|' || ${ra.contactPoint})`;

/** The sums of a group: its contact points, those assessed and the grades given. */
const SUMS: SQL = sql`count(distinct ${POINT})::int as points, coalesce(sum(${ra.assessed}), 0)::int as assessed,
  coalesce(sum(${ra.good}), 0)::int as good, coalesce(sum(${ra.fairlyGood}), 0)::int as fairly_good,
  coalesce(sum(${ra.average}), 0)::int as average, coalesce(sum(${ra.poor}), 0)::int as poor`;

/**
 * The grades of a group of fewer than MIN_GROUP assessed are withheld here, in the database:
 * they would tell how each of those few was graded. `inner` selects `assessed` and the grades.
 */
const withheld = (inner: SQL, keys: SQL): SQL =>
  sql`select ${keys}, g.points, g.assessed,
        case when g.assessed >= ${MIN_GROUP} then g.good end as good,
        case when g.assessed >= ${MIN_GROUP} then g.fairly_good end as fairly_good,
        case when g.assessed >= ${MIN_GROUP} then g.average end as average,
        case when g.assessed >= ${MIN_GROUP} then g.poor end as poor,
        (g.assessed > 0 and g.assessed < ${MIN_GROUP}) as suppressed
      from (${inner}) g`;

type Row = {
  points: number;
  assessed: number;
  good: number | null;
  fairly_good: number | null;
  average: number | null;
  poor: number | null;
  suppressed: boolean;
};

const assessedOf = (row: Row | undefined): AssessedFigures => {
  if (!row) return { assessed: 0, grades: null, suppressed: false };
  const grades =
    row.good === null
      ? null
      : {
          good: Number(row.good),
          fairlyGood: Number(row.fairly_good),
          average: Number(row.average),
          poor: Number(row.poor),
        };
  return { assessed: Number(row.assessed), grades, suppressed: Boolean(row.suppressed) };
};
const figuresOf = (row: Row | undefined): RoutineFigures => ({
  contactPoints: Number(row?.points ?? 0),
  ...assessedOf(row),
});

const methodsIn = (text: string | null): AssessmentMethod[] => {
  const named = (text ?? "").split("、").map((m) => m.trim());
  return assessmentMethods.filter((m) => named.includes(m));
};

/** A banner (or a zone) is viewed through its contact points; the region and a league through their children. */
const byContactPoint = (level: string) => level !== "autonomous_region" && level !== "prefecture";

/**
 * 平时考核 of a region and period: contact points and those assessed per child region (本级
 * first), the grades as a distribution where at least MIN_GROUP were assessed, per quarter, the
 * methods used, and for a banner each of its contact points. Everything is summed in SQL over
 * the region's part of the tree. Null for an unknown region.
 */
export async function getRoutineAssessments(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<RoutineAssessmentsView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const frame = await viewFrame(db, ra, filters);
  if (!frame) return null;
  const { path, depth, period } = frame;
  const { from, to } = periodYears(period);
  const scope = scopeCte(path.code, depth);
  const shown = inPeriod(ra, period);
  const pointsWanted = byContactPoint(path.level);

  const [perChild, perQuarter, methods, points, pointQuarters, reports] = await Promise.all([
    rows<Row & { child: string | null }>(
      db,
      sql`with ${scope} ${withheld(
        sql`select s.child, ${SUMS} from ${ra} join scope s on s.code = ${ra.regionCode}
            where ${shown} group by grouping sets ((s.child), ())`,
        sql`g.child`,
      )}`,
    ),
    rows<Row & { year: number; quarter: number }>(
      db,
      sql`with ${scope} ${withheld(
        sql`select ${ra.year} as year, ${ra.quarter} as quarter, ${SUMS} from ${ra} join scope s on s.code = ${ra.regionCode}
            where ${ra.year} between ${from} and ${to} group by ${ra.year}, ${ra.quarter}`,
        sql`g.year, g.quarter`,
      )}`,
    ),
    rows<{ method: string; n: number }>(
      db,
      sql`with ${scope}, used as (
            select ${POINT} as point, btrim(unnest(string_to_array(${ra.methods}, '、'))) as method
            from ${ra} join scope s on s.code = ${ra.regionCode} where ${shown})
          select method, count(distinct point)::int as n from used group by method`,
    ),
    pointsWanted
      ? rows<Row & { region_code: string; name: string; name_zh: string; name_en: string | null; methods: string }>(
          db,
          sql`with ${scope} ${withheld(
            sql`select ${ra.regionCode} as region_code, ${ra.contactPoint} as name, ${SUMS},
                  string_agg(distinct ${ra.methods}, '、') as methods
                from ${ra} join scope s on s.code = ${ra.regionCode}
                where ${shown} group by ${ra.regionCode}, ${ra.contactPoint}`,
            sql`g.region_code, g.name, g.methods, rg.name_zh, rg.name_en`,
          )} join ${regions} rg on rg.code = g.region_code order by g.region_code, g.name`,
        )
      : Promise.resolve([]),
    pointsWanted
      ? rows<Row & { region_code: string; name: string; year: number; quarter: number }>(
          db,
          sql`with ${scope} ${withheld(
            sql`select ${ra.regionCode} as region_code, ${ra.contactPoint} as name, ${ra.year} as year,
                  ${ra.quarter} as quarter, ${SUMS}
                from ${ra} join scope s on s.code = ${ra.regionCode}
                where ${shown} group by ${ra.regionCode}, ${ra.contactPoint}, ${ra.year}, ${ra.quarter}`,
            sql`g.region_code, g.name, g.year, g.quarter`,
          )} order by g.year, g.quarter`,
        )
      : Promise.resolve([]),
    completenessOf(db, path.code, depth, period, ["routine_assessments"]),
  ]);

  const of = (child: string | null) => figuresOf(perChild.find((row) => row.child === child));
  const trend: RoutineAssessmentsView["trend"] = [];
  for (let year = from; year <= to; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (period.kind === "quarter" && quarter !== period.quarter) continue;
      const row = perQuarter.find((q) => Number(q.year) === year && Number(q.quarter) === quarter);
      trend.push({ year, quarter, ...figuresOf(row) });
    }
  }
  const contactPoints: ContactPoint[] | null = pointsWanted
    ? points.map((p) => ({
        regionCode: p.region_code,
        regionName: p.name_zh,
        regionNameEn: p.name_en,
        name: p.name,
        methods: methodsIn(p.methods),
        total: assessedOf(p),
        quarters: pointQuarters
          .filter((q) => q.region_code === p.region_code && q.name === p.name)
          .map((q) => ({ year: Number(q.year), quarter: Number(q.quarter), ...assessedOf(q) })),
      }))
    : null;
  return {
    region: path,
    period,
    years: frame.years,
    total: of(null),
    own: of(path.code),
    children: pointsWanted ? [] : comparisonRows(path, frame.children, of, (f) => f.contactPoints > 0),
    points: contactPoints,
    trend,
    methods: Object.fromEntries(
      assessmentMethods.map((m) => [m, Number(methods.find((row) => row.method === m)?.n ?? 0)]),
    ) as Record<AssessmentMethod, number>,
    completeness: { total: reports.total, byChild: Object.fromEntries(reports.byChild) },
  };
}

/** The latest year with 平时考核 figures: the page's default period. */
export async function latestRoutineAssessmentYear(db: Db): Promise<number | undefined> {
  return (await yearsOf(db, ra))[0];
}
