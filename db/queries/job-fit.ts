import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordPersonnelView } from "@/db/mutations/audit";
import { type JobFitFigures, type JobFitList, type JobFitView, jobFitBuckets } from "@/lib/api/evaluations";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal, type Viewer } from "@/lib/auth/permissions";
import { adjustmentTypes, jobFitActions, MIN_GROUP } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { jobFit } from "../schema";
import { adjustmentFigures } from "./adjustments";
import { countsByChild } from "./breakdown";
import { countsBy, hiddenReasonOf, peopleIn, recordOf, unlessSmall, yearsIn, yearsOf } from "./personnel";
import { RECORDS_PAGE_SIZE } from "./records";
import { getRegionPath } from "./regions";
import { childRegionsOf, comparisonRows, r, scopeCte, within } from "./rollup";
import { namesVisibleIn } from "./scope";
import { rows } from "./sql";

/**
 * 适岗指数 of a region and period, rolled up as 五看一测 (db/queries/evaluations.ts): the index's
 * distribution and mean, the share graded 不适岗 and what followed, per child region, and beside
 * them the region's 能上能下 of the same years from the adjustments table — so that a 不适岗
 * followed by 调整岗位 or 免职/降职 can be read against the adjustments that region reported.
 * Groups of fewer than MIN_GROUP people keep their count only (null in SQL).
 */
const j = jobFit;

/** The bucket conditions, in the order of jobFitBuckets: [from, to), the last including 100. */
const BUCKET_BOUNDS: readonly [number, number][] = [
  [0, 60],
  [60, 70],
  [70, 80],
  [80, 90],
  [90, 101],
];

function figuresColumns(): SQL {
  const people = peopleIn(j);
  const buckets = sql.join(
    BUCKET_BOUNDS.map(
      ([low, high], i) =>
        sql`${unlessSmall(people, sql`count(*) filter (where ${j.index} >= ${low} and ${j.index} < ${high})`)}::int as ${sql.identifier(`b${i}`)}`,
    ),
    sql`, `,
  );
  const unfitActions = sql.join(
    jobFitActions.map(
      (action, i) =>
        sql`${unlessSmall(people, sql`count(*) filter (where ${j.grade} = '不适岗' and ${j.action} = ${action})`)}::int as ${sql.identifier(`u${i}`)}`,
    ),
    sql`, `,
  );
  return sql`count(*)::int as assessed, ${people} as people,
    ${unlessSmall(people, sql`round(avg(${j.index}), 1)`)}::float8 as mean,
    ${unlessSmall(people, sql`count(*) filter (where ${j.grade} = '不适岗')`)}::int as unfit,
    ${buckets}, ${countsBy(people, j.action, jobFitActions, "a")}, ${unfitActions}`;
}

type Row = Record<string, unknown>;

function figuresOf(row: Row | undefined, adjustments: JobFitFigures["adjustments"]): JobFitFigures {
  const assessed = Number(row?.assessed ?? 0);
  const people = Number(row?.people ?? 0);
  const suppressed = assessed > 0 && people < MIN_GROUP;
  const shown = row && assessed > 0 && !suppressed;
  const unfit = shown ? Number(row.unfit) : null;
  return {
    assessed,
    people,
    suppressed,
    mean: shown && row.mean !== null ? Number(row.mean) : null,
    buckets: shown ? recordOf(row, jobFitBuckets, "b") : null,
    unfit,
    unfitShare: unfit === null ? null : unfit / assessed,
    actions: shown ? recordOf(row, jobFitActions, "a") : null,
    unfitActions: shown ? recordOf(row, jobFitActions, "u") : null,
    adjustments,
  };
}

export async function getJobFit(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<JobFitView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await yearsOf(db, jobFit);
  const shown: Period = period ?? { kind: "year", year: years[0] ?? new Date().getFullYear() };
  const { from, to } = periodYears(shown);
  const depth = path.path.length;
  const [byChild, adjustmentsOf, childRegions] = await Promise.all([
    rows<Row & { child: string | null }>(
      db,
      sql`with ${scopeCte(region, depth)}
          select s.child, ${figuresColumns()}
          from ${j} join scope s on s.code = ${j.regionCode}
          where ${yearsIn(j.year, shown)}
          group by grouping sets ((s.child), ())`,
    ),
    // 能上能下 of the same regions and years, rolled up the same way (db/queries/breakdown.ts).
    countsByChild(db, "adjustments", adjustmentTypes, { region, depth, period: shown }),
    childRegionsOf(db, region, { from: `${from}-01-01`, until: `${to + 1}-01-01` }),
  ]);
  const ofChild = (code: string | null) =>
    figuresOf(
      byChild.find((row) => row.child === code),
      adjustmentFigures(adjustmentsOf(code)),
    );
  return {
    region: path,
    period: shown,
    years,
    total: ofChild(null),
    own: ofChild(region),
    children: comparisonRows(path, childRegions, ofChild, (f) => f.assessed > 0),
  };
}

const jf = alias(jobFit, "jf");

/** One page of a region's job-fit records by name, as listEvaluationRecords (names open, audited). */
export async function listJobFitRecords(
  db: Db,
  viewer: Viewer,
  { region, period, page = 1 }: { region: string; period?: Period; page?: number },
  { ip }: { ip?: string | null } = {},
): Promise<JobFitList | null> {
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const shown: Period = period ?? { kind: "year", year: (await yearsOf(db, jobFit))[0] ?? 0 };
  const visible = namesVisibleIn("job_fit", viewer, r.ancestors);
  const inView = and(within(region, r.ancestors), yearsIn(jf.year, shown));
  const [list, [count]] = await Promise.all([
    db
      .select({
        regionCode: jf.regionCode,
        regionName: r.nameZh,
        regionNameEn: r.nameEn,
        year: jf.year,
        cadre: jf.cadre,
        post: jf.post,
        unit: jf.unit,
        index: jf.index,
        grade: jf.grade,
        action: jf.action,
      })
      .from(jf)
      .innerJoin(r, eq(r.code, jf.regionCode))
      .where(and(inView, visible))
      .orderBy(asc(jf.regionCode), desc(jf.year), asc(jf.index), jf.cadre, jf.unit)
      .limit(RECORDS_PAGE_SIZE)
      .offset((page - 1) * RECORDS_PAGE_SIZE),
    db
      .select({
        shown: sql<number>`count(*) filter (where ${visible})::int`.mapWith(Number),
        hidden: sql<number>`count(*) filter (where not (${visible}))::int`.mapWith(Number),
      })
      .from(jf)
      .innerJoin(r, eq(r.code, jf.regionCode))
      .where(inView),
  ]);
  await recordPersonnelView(db, viewer, {
    dataset: "job_fit",
    door: "list",
    region,
    subjects: list.map((row) => `${row.cadre} · ${row.unit}`),
    ip,
  });
  return {
    rows: list,
    total: count.shown,
    page,
    pageSize: RECORDS_PAGE_SIZE,
    hidden: count.hidden,
    hiddenReason: count.hidden > 0 ? hiddenReasonOf(viewer) : null,
  };
}
