import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordPersonnelView } from "@/db/mutations/audit";
import {
  type EvaluationFigures,
  type EvaluationList,
  type EvaluationsView,
  evaluationScores,
} from "@/lib/api/evaluations";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal, type Viewer } from "@/lib/auth/permissions";
import { evaluationConclusions, evaluationKinds, MIN_GROUP } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { evaluations } from "../schema";
import { countsBy, hiddenReasonOf, peopleIn, recordOf, unlessSmall, yearsIn, yearsOf } from "./personnel";
import { RECORDS_PAGE_SIZE } from "./records";
import { getRegionPath } from "./regions";
import { childRegionsOf, comparisonRows, r, scopeCte, within } from "./rollup";
import { namesVisibleIn } from "./scope";
import { rows } from "./sql";

/**
 * 五看一测 of a region and period: per child region (本级 first), the region with everything below
 * it (含下级) and per year. A record belongs to the region that reported it and rolls up to the
 * viewed region's child above it (db/queries/rollup.ts), so a league's figures are its banners'
 * and its own, each record counted once. Every mean and distribution is computed in SQL and left
 * null there for a group of fewer than MIN_GROUP people.
 */
const e = evaluations;

function figuresColumns(): SQL {
  const people = peopleIn(e);
  const means = sql.join(
    evaluationScores.map(
      (score) => sql`${unlessSmall(people, sql`round(avg(${e[score]}), 1)`)}::float8 as ${sql.identifier(score)}`,
    ),
    sql`, `,
  );
  return sql`count(*)::int as evaluated, ${people} as people, ${means},
    ${countsBy(people, e.conclusion, evaluationConclusions, "c")},
    ${countsBy(people, e.kind, evaluationKinds, "k")}`;
}

const NOTHING: EvaluationFigures = {
  evaluated: 0,
  people: 0,
  suppressed: false,
  means: null,
  conclusions: null,
  kinds: null,
};

function figuresOf(row: Record<string, unknown> | undefined): EvaluationFigures {
  if (!row || !Number(row.evaluated)) return NOTHING;
  const people = Number(row.people);
  const suppressed = people < MIN_GROUP;
  return {
    evaluated: Number(row.evaluated),
    people,
    suppressed,
    means: suppressed
      ? null
      : (Object.fromEntries(
          evaluationScores.map((s) => [s, row[s] === null ? null : Number(row[s])]),
        ) as EvaluationFigures["means"]),
    conclusions: recordOf(row, evaluationConclusions, "c"),
    kinds: recordOf(row, evaluationKinds, "k"),
  };
}

export async function getEvaluations(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<EvaluationsView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await yearsOf(db, evaluations);
  const shown: Period = period ?? { kind: "year", year: years[0] ?? new Date().getFullYear() };
  const { from, to } = periodYears(shown);
  const scope = scopeCte(region, path.path.length);
  const [byChild, perYear, childRegions] = await Promise.all([
    rows<Record<string, unknown> & { child: string | null }>(
      db,
      // (child) per child; () is the whole region (含下级), child = null.
      sql`with ${scope}
          select s.child, ${figuresColumns()}
          from ${e} join scope s on s.code = ${e.regionCode}
          where ${yearsIn(e.year, shown)}
          group by grouping sets ((s.child), ())`,
    ),
    rows<Record<string, unknown> & { year: number }>(
      db,
      sql`with ${scope}
          select ${e.year} as year, ${figuresColumns()}
          from ${e} join scope s on s.code = ${e.regionCode}
          group by ${e.year} order by ${e.year}`,
    ),
    childRegionsOf(db, region, { from: `${from}-01-01`, until: `${to + 1}-01-01` }),
  ]);
  const ofChild = (code: string | null) => figuresOf(byChild.find((row) => row.child === code));
  return {
    region: path,
    period: shown,
    years,
    total: ofChild(null),
    own: ofChild(region),
    children: comparisonRows(path, childRegions, ofChild, (f) => f.evaluated > 0),
    trend: perYear.map((row) => ({ year: Number(row.year), ...figuresOf(row) })),
  };
}

const ev = alias(evaluations, "ev");

/**
 * One page of a region's evaluations (with everything below it) in a period, by name: only the
 * records whose names are open to the viewer (personnel permission and name scope, in SQL), the
 * others counted. Every page that shows a name is written to the audit log (door "list"), in
 * the same call, so that no caller can show names without the record of it. Null: unknown region.
 */
export async function listEvaluationRecords(
  db: Db,
  viewer: Viewer,
  { region, period, page = 1 }: { region: string; period?: Period; page?: number },
  { ip }: { ip?: string | null } = {},
): Promise<EvaluationList | null> {
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const shown: Period = period ?? { kind: "year", year: (await yearsOf(db, evaluations))[0] ?? 0 };
  const visible = namesVisibleIn("evaluations", viewer, r.ancestors);
  const inView = and(within(region, r.ancestors), yearsIn(ev.year, shown));
  const [list, [count]] = await Promise.all([
    db
      .select({
        regionCode: ev.regionCode,
        regionName: r.nameZh,
        regionNameEn: r.nameEn,
        year: ev.year,
        quarter: ev.quarter,
        cadre: ev.cadre,
        post: ev.post,
        unit: ev.unit,
        political: ev.political,
        effectiveness: ev.effectiveness,
        role: ev.role,
        frontline: ev.frontline,
        conduct: ev.conduct,
        satisfaction: ev.satisfaction,
        assessors: ev.assessors,
        conclusion: ev.conclusion,
        kind: ev.kind,
      })
      .from(ev)
      .innerJoin(r, eq(r.code, ev.regionCode))
      .where(and(inView, visible))
      .orderBy(asc(ev.regionCode), desc(ev.year), sql`${ev.quarter} nulls first`, ev.kind, ev.cadre, ev.unit)
      .limit(RECORDS_PAGE_SIZE)
      .offset((page - 1) * RECORDS_PAGE_SIZE),
    db
      .select({
        shown: sql<number>`count(*) filter (where ${visible})::int`.mapWith(Number),
        hidden: sql<number>`count(*) filter (where not (${visible}))::int`.mapWith(Number),
      })
      .from(ev)
      .innerJoin(r, eq(r.code, ev.regionCode))
      .where(inView),
  ]);
  await recordPersonnelView(db, viewer, {
    dataset: "evaluations",
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
