import { and, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ProjectStats } from "@/lib/api/projects";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { projectStages } from "@/lib/contract";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { projects } from "../schema";
import { p, takenIn } from "./records";
import { getRegionPath } from "./regions";
import { completenessOf } from "./reporting";
import { r, scopeCte } from "./rollup";
import { distinctCadres, rows } from "./sql";

/** `chosen c`: the projects of the scope and period, each with the child it rolls up to. */
const c = alias(projects, "c");

/**
 * 揭榜挂帅 at a glance for a region (with its subordinate regions), the projects taken in a period
 * (a year, a quarter, a range of years; absent: all years): the stage funnel as of any day, from the stage history, so that it can be drawn
 * as things stood then; investment by industry chain; projects per child region.
 */
export async function getProjectStats(
  db: Db,
  viewer: Principal,
  { region, period, asOf }: { region: string; period?: Period; asOf?: string },
): Promise<ProjectStats | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const depth = path.path.length;
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  const scoped = sql`with ${scopeCte(region, depth)}, chosen as (
      select p.*, s.child from projects p join scope s on s.code = ${p.regionCode} where ${and(lte(p.takenOn, day), takenIn(period))}
    )`;
  const [funnel, byChain, children, reports] = await Promise.all([
    rows<Record<string, number>>(
      db,
      // One pass over the chosen projects: stage_reached[k] is the day the k-th stage was reached
      // (project_stage_events in one array, kept by triggers), so each stage's count is a filter.
      sql`${scoped} select ${sql.join(
        projectStages.map(
          (_, i) =>
            sql`count(*) filter (where ${c.stageReached}[${sql.raw(String(i + 1))}] <= ${day}::date)::int as ${sql.raw(`s${i + 1}`)}`,
        ),
        sql`, `,
      )} from chosen c`,
    ),
    rows<ProjectStats["byChain"][number]>(
      db,
      sql`${scoped} select ${c.industryChain} as chain, count(*)::int as projects,
                 coalesce(sum(${c.plannedInvestment}), 0)::float8 as "plannedInvestment",
                 coalesce(sum(${c.fundsInPlace}), 0)::float8 as "fundsInPlace"
          from chosen c group by ${c.industryChain} order by 2 desc, 1`,
    ),
    rows<ProjectStats["children"][number]>(
      db,
      sql`${scoped} select ${r.code} as code, ${r.nameZh} as "nameZh", ${r.nameEn} as "nameEn", ${r.code} = ${region} as own,
                 count(${c.id})::int as projects,
                 ${distinctCadres(c)} filter (where ${c.id} is not null)::int as cadres,
                 coalesce(sum(${c.fundsInPlace}), 0)::float8 as "fundsInPlace"
          from regions r left join chosen c on c.child = ${r.code}
          where (${r.parentCode} = ${region} and ${r.level} in ('prefecture', 'county', 'functional_zone'))
             or ${r.code} = ${region}
          group by ${r.code}, ${r.nameZh}, ${r.nameEn}
          having ${r.code} <> ${region} or count(${c.id}) > 0
          order by ${r.code} <> ${region}, ${r.code}`,
    ),
    period ? completenessOf(db, region, depth, period, ["projects"]) : null,
  ]);
  return {
    asOf: day,
    funnel: projectStages.map((stage, i) => ({ stage, projects: funnel[0]?.[`s${i + 1}`] ?? 0 })),
    byChain,
    children,
    completeness: reports && Object.fromEntries(reports.byChild),
  };
}
