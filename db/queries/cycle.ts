import { type SQL, sql } from "drizzle-orm";
import type { CycleApplicationList, CycleChild, CycleFigures, CycleIssueList, ProjectHistory } from "@/lib/api/cycle";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { projectGrades, projectStages, projectUses } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { periodDays, RECORDS_PAGE_SIZE } from "./records";
import { getRegionPath } from "./regions";
import { within } from "./rollup";
import { namesVisibleIn } from "./scope";
import { rows } from "./sql";

/*
 * 揭榜挂帅 as a cycle (设榜 → 揭榜 → 项目 → 跟榜 → 评榜) for a region with everything below it, in a
 * period: each step counts its records by its own date (a challenge by the day posted, an
 * application by the day filed, a project by the day taken, an issue by the day raised, an
 * evaluation by its year), so that a step's figure is what that step's report says for the
 * period. Every total is computed in SQL, median and mean days to solve and distinct applicants
 * included (grouping sets: the children's rows and the whole region's in one pass).
 */

/** `scope(code, child)` of a region at `depth`: every region within it and the child it rolls up to. */
const scope = (region: string, depth: number) =>
  sql`scope as (select code, coalesce(ancestors[${depth + 1}], code) as child from regions where ${within(region, sql.raw("ancestors"))})`;

/** `alias.column` within the period's days (no condition for all years). */
function dayIn(column: string, period: Period | undefined): SQL {
  if (!period) return sql`true`;
  const { from, until } = periodDays(period);
  return sql`${sql.raw(column)} >= ${from}::date and ${sql.raw(column)} < ${until}::date`;
}
function yearIn(column: string, period: Period | undefined): SQL {
  if (!period) return sql`true`;
  const { from, to } = periodYears(period);
  return sql`${sql.raw(column)} between ${from} and ${to}`;
}

type ByChild<T> = { child: string | null } & T;

/** Rows per child and, with child null, for the whole region. */
const splitTotal = <T>(list: ByChild<T>[]) => ({
  total: list.find((x) => x.child === null),
  children: new Map(list.filter((x) => x.child !== null).map((x) => [x.child as string, x])),
});

export async function getCycleFigures(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<CycleFigures | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const depth = path.path.length;
  const w = sql`with ${scope(region, depth)}`;
  const days = sql`(t.solved_on - t.raised_on)`;
  const [challenges, byChain, applications, projectRows, issues, grades, uses, regionsBelow] = await Promise.all([
    rows<ByChild<{ posted: number; taken: number; open: number; closed: number; targetInvestment: number }>>(
      db,
      sql`${w} select s.child, count(*)::int as posted,
                 count(*) filter (where t.status = '已揭榜')::int as taken,
                 count(*) filter (where t.status = '待揭榜')::int as open,
                 count(*) filter (where t.status = '已关闭')::int as closed,
                 coalesce(sum(t.target_investment), 0)::float8 as "targetInvestment"
          from challenges t join scope s on s.code = t.region_code where ${dayIn("t.posted_on", period)}
          group by grouping sets ((s.child), ())`,
    ),
    rows<CycleFigures["byChain"][number]>(
      db,
      sql`${w} select t.industry_chain as chain, count(*)::int as posted,
                 count(*) filter (where t.status = '已揭榜')::int as taken,
                 count(*) filter (where t.status = '待揭榜')::int as open
          from challenges t join scope s on s.code = t.region_code where ${dayIn("t.posted_on", period)}
          group by t.industry_chain order by 2 desc, 1`,
    ),
    rows<ByChild<{ applications: number; applicants: number; challenges: number; projects: number }>>(
      db,
      // Applicants are told apart by name and unit, as the projects' lead cadres are (db/queries/sql.ts).
      sql`${w} select s.child, count(*)::int as applications,
                 count(distinct (length(t.applicant) || ':' || t.applicant || coalesce(t.applicant_unit, '')) collate "C")::int as applicants,
                 count(distinct t.challenge_code)::int as challenges,
                 count(distinct t.project_code)::int as projects
          from applications t join scope s on s.code = t.region_code where ${dayIn("t.applied_on", period)}
          group by grouping sets ((s.child), ())`,
    ),
    rows<ByChild<Record<string, number>>>(
      db,
      sql`${w} select s.child, coalesce(sum(t.funds_in_place), 0)::float8 as funds, ${sql.join(
        projectStages.map(
          (stage, i) => sql`count(*) filter (where t.stage >= ${stage}::project_stage)::int as ${sql.raw(`s${i + 1}`)}`,
        ),
        sql`, `,
      )}
          from projects t join scope s on s.code = t.region_code where ${dayIn("t.taken_on", period)}
          group by grouping sets ((s.child), ())`,
    ),
    rows<ByChild<{ raised: number; open: number; solved: number; medianDays: number | null; meanDays: number | null }>>(
      db,
      sql`${w} select s.child, count(*)::int as raised,
                 count(*) filter (where t.status = '待解决')::int as open,
                 count(*) filter (where t.status = '已解决')::int as solved,
                 (percentile_cont(0.5) within group (order by ${days}) filter (where t.status = '已解决'))::float8 as "medianDays",
                 round(avg(${days}) filter (where t.status = '已解决'), 1)::float8 as "meanDays"
          from project_issues t join scope s on s.code = t.region_code where ${dayIn("t.raised_on", period)}
          group by grouping sets ((s.child), ())`,
    ),
    rows<ByChild<{ grade: string | null; projects: number }>>(
      db,
      sql`${w} select s.child, t.grade, count(*)::int as projects
          from project_evaluations t join scope s on s.code = t.region_code where ${yearIn("t.year", period)}
          group by grouping sets ((s.child), (s.child, t.grade), (t.grade), ())`,
    ),
    rows<{ use: string; projects: number }>(
      db,
      sql`${w} select t.incentive as use, count(*)::int as projects
          from project_evaluations t join scope s on s.code = t.region_code where ${yearIn("t.year", period)}
          group by t.incentive`,
    ),
    rows<{ code: string; nameZh: string; nameEn: string | null; own: boolean }>(
      db,
      sql`select code, name_zh as "nameZh", name_en as "nameEn", code = ${region} as own from regions
          where (parent_code = ${region} and level in ('prefecture', 'county', 'functional_zone')) or code = ${region}
          order by code <> ${region}, code`,
    ),
  ]);
  const ch = splitTotal(challenges);
  const ap = splitTotal(applications);
  const pr = splitTotal(projectRows);
  const is = splitTotal(issues);
  const gradeOf = (child: string | null, grade: string | null) =>
    grades.find((g) => g.child === child && g.grade === grade)?.projects ?? 0;
  const children: CycleChild[] = regionsBelow
    .map((r) => {
      const c = ch.children.get(r.code);
      const a = ap.children.get(r.code);
      const p = pr.children.get(r.code);
      const i = is.children.get(r.code);
      return {
        ...r,
        posted: c?.posted ?? 0,
        taken: c?.taken ?? 0,
        applicants: a?.applicants ?? 0,
        projects: p?.s1 ?? 0,
        producing: p?.s6 ?? 0,
        openIssues: i?.open ?? 0,
        solvedIssues: i?.solved ?? 0,
        medianDays: i?.medianDays ?? null,
        evaluated: gradeOf(r.code, null),
        excellent: gradeOf(r.code, "优秀"),
      };
    })
    // The region's own row (本级) only where it has figures of its own.
    .filter((c) => !c.own || c.posted + c.applicants + c.projects + c.openIssues + c.solvedIssues + c.evaluated > 0);
  return {
    challenges: {
      posted: ch.total?.posted ?? 0,
      taken: ch.total?.taken ?? 0,
      open: ch.total?.open ?? 0,
      closed: ch.total?.closed ?? 0,
      targetInvestment: ch.total?.targetInvestment ?? 0,
    },
    byChain,
    applications: {
      applications: ap.total?.applications ?? 0,
      applicants: ap.total?.applicants ?? 0,
      challenges: ap.total?.challenges ?? 0,
      projects: ap.total?.projects ?? 0,
    },
    stages: projectStages.map((stage, i) => ({ stage, projects: pr.total?.[`s${i + 1}`] ?? 0 })),
    fundsInPlace: pr.total?.funds ?? 0,
    issues: {
      raised: is.total?.raised ?? 0,
      open: is.total?.open ?? 0,
      solved: is.total?.solved ?? 0,
      medianDays: is.total?.medianDays ?? null,
      meanDays: is.total?.meanDays ?? null,
    },
    evaluations: {
      evaluated: gradeOf(null, null),
      byGrade: projectGrades.map((grade) => ({ grade, projects: gradeOf(null, grade) })),
      byUse: projectUses.map((use) => ({ use, projects: uses.find((u) => u.use === use)?.projects ?? 0 })),
    },
    children,
  };
}

/**
 * Applications of a region (with everything below it) filed in the period, a page at a time; the
 * applicant and unit are blanked in SQL outside the caller's name scope.
 */
export async function listApplications(
  db: Db,
  viewer: Principal,
  { region, period, page }: { region: string; period?: Period; page: number },
): Promise<CycleApplicationList> {
  const visible = namesVisibleIn("applications", viewer, sql.raw("r.ancestors"));
  const where = sql`${within(region, sql.raw("r.ancestors"))} and ${dayIn("t.applied_on", period)}`;
  const [list, [count]] = await Promise.all([
    rows<CycleApplicationList["rows"][number]>(
      db,
      sql`select t.challenge_code as "challengeCode", c.title as "challengeTitle", c.industry_chain as chain,
                 t.region_code as "regionCode", r.name_zh as "regionName", r.name_en as "regionNameEn",
                 case when ${visible} then t.applicant end as applicant,
                 case when ${visible} then t.applicant_unit end as "applicantUnit",
                 t.applied_on::text as "appliedOn", t.project_code as "projectCode",
                 not (${visible}) as "namesHidden"
          from applications t join regions r on r.code = t.region_code
            left join challenges c on c.code = t.challenge_code
          where ${where}
          order by t.applied_on desc, t.challenge_code, t.id
          limit ${RECORDS_PAGE_SIZE} offset ${(page - 1) * RECORDS_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from applications t join regions r on r.code = t.region_code where ${where}`,
    ),
  ]);
  return { rows: list, total: count.total };
}

/** Follow-up issues of a region raised in the period, open ones first (no names: departments only). */
export async function listIssues(
  db: Db,
  _viewer: Principal,
  { region, period, page }: { region: string; period?: Period; page: number },
): Promise<CycleIssueList> {
  const where = sql`${within(region, sql.raw("r.ancestors"))} and ${dayIn("t.raised_on", period)}`;
  const [list, [count]] = await Promise.all([
    rows<CycleIssueList["rows"][number]>(
      db,
      sql`select t.project_code as "projectCode", p.name as "projectName", t.issue, t.department,
                 t.region_code as "regionCode", r.name_zh as "regionName", r.name_en as "regionNameEn",
                 t.raised_on::text as "raisedOn", t.solved_on::text as "solvedOn", t.status,
                 (t.solved_on - t.raised_on) as days
          from project_issues t join regions r on r.code = t.region_code
            left join projects p on p.code = t.project_code
          where ${where}
          order by t.status = '已解决', t.raised_on desc, t.project_code, t.id
          limit ${RECORDS_PAGE_SIZE} offset ${(page - 1) * RECORDS_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from project_issues t join regions r on r.code = t.region_code where ${where}`,
    ),
  ]);
  return { rows: list, total: count.total };
}

/**
 * One project's whole history: the challenge it answered, the applications for that challenge,
 * the stages with their days, the issues followed up and the evaluations. Names (the lead cadre,
 * the applicants) only where the record's region is in the caller's name scope; null when there
 * is no such project.
 */
export async function getProjectHistory(db: Db, viewer: Principal, code: string): Promise<ProjectHistory | null> {
  const visible = namesVisibleIn("projects", viewer, sql.raw("r.ancestors"));
  const visibleApp = namesVisibleIn("applications", viewer, sql.raw("r.ancestors"));
  const [project] = await rows<ProjectHistory["project"]>(
    db,
    sql`select p.code, p.name, p.industry_chain as "industryChain", p.region_code as "regionCode",
               r.name_zh as "regionName", r.name_en as "regionNameEn",
               case when ${visible} then p.lead_cadre end as "leadCadre",
               case when ${visible} then p.cadre_unit end as "cadreUnit",
               p.taken_on::text as "takenOn", p.stage::text as stage,
               p.planned_investment::float8 as "plannedInvestment", p.funds_in_place::float8 as "fundsInPlace",
               not (${visible}) as "namesHidden"
        from projects p join regions r on r.code = p.region_code where p.code = ${code}`,
  );
  if (!project) return null;
  const [challenge, applicationRows, stages, issueRows, evaluationRows] = await Promise.all([
    rows<NonNullable<ProjectHistory["challenge"]>>(
      db,
      sql`select c.code, c.title, c.industry_chain as "industryChain", c.department, c.posted_on::text as "postedOn",
                 c.target_investment::float8 as "targetInvestment", c.target_jobs as "targetJobs", c.status
          from challenges c where c.code = (select challenge_code from applications where project_code = ${code}
                                            order by applied_on limit 1)`,
    ),
    rows<ProjectHistory["applications"][number]>(
      db,
      sql`select t.id, case when ${visibleApp} then t.applicant end as applicant,
                 case when ${visibleApp} then t.applicant_unit end as "applicantUnit",
                 t.applied_on::text as "appliedOn", t.project_code = ${code} as chosen, not (${visibleApp}) as "namesHidden"
          from applications t join regions r on r.code = t.region_code
          where t.challenge_code in (select challenge_code from applications where project_code = ${code})
          order by t.applied_on, t.id`,
    ),
    rows<ProjectHistory["stages"][number]>(
      db,
      sql`select e.stage::text as stage, e.reached_on::text as "reachedOn"
          from project_stage_events e join projects p on p.id = e.project_id where p.code = ${code}
          order by e.stage`,
    ),
    rows<ProjectHistory["issues"][number]>(
      db,
      sql`select issue, department, raised_on::text as "raisedOn", solved_on::text as "solvedOn", status,
                 (solved_on - raised_on) as days
          from project_issues where project_code = ${code} order by raised_on, id`,
    ),
    rows<ProjectHistory["evaluations"][number]>(
      db,
      sql`select year, grade, incentive as use, evaluator from project_evaluations where project_code = ${code} order by year`,
    ),
  ]);
  return {
    project,
    challenge: challenge[0] ?? null,
    applications: applicationRows,
    stages,
    issues: issueRows,
    evaluations: evaluationRows,
  };
}

/**
 * The ranking figure of 跟榜 (lib/api/rankings.ts issuesSolvedShare): per child region, the share of
 * the follow-up issues raised in the period that are solved. A share ranks the highest first, so
 * open issues and days to solve (where less is better) are shown on the cycle panel, not ranked.
 */
export async function issuesSolvedShareByChild(
  db: Db,
  { region, depth, period }: { region: string; depth: number; period: Period },
): Promise<(code: string) => number | null> {
  const found = await rows<{ child: string; value: number | null }>(
    db,
    sql`with ${scope(region, depth)}
        select s.child, (count(*) filter (where t.status = '已解决'))::float8 / nullif(count(*), 0) as value
        from project_issues t join scope s on s.code = t.region_code where ${dayIn("t.raised_on", period)}
        group by s.child`,
  );
  const byChild = new Map(found.map((f) => [f.child, f.value]));
  return (code) => byChild.get(code) ?? null;
}
