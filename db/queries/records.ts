import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { ProjectRecord } from "@/lib/api/projects";
import type { Principal, Viewer } from "@/lib/auth/permissions";
import type { Period, ProjectSortKey, SortDirection } from "@/lib/view";
import type { Db } from "../connect";
import { arenaEntries, projects } from "../schema";
import { r, within } from "./rollup";
import { namesVisible } from "./scope";

/**
 * Records that name people. Every signed-in user may list them (the counts are no secret), but
 * the names are blanked in SQL unless the record's region lies in the caller's name scope
 * (lib/auth/permissions.ts nameScope, as SQL in ./scope.ts).
 */
export const RECORDS_PAGE_SIZE = 50;

const pad = (n: number) => String(n).padStart(2, "0");

/** The first day of a period and the first day after it (projects belong to the day they were taken). */
export function periodDays(period: Period): { from: string; until: string } {
  if (period.kind === "range") return { from: `${period.from}-01-01`, until: `${period.to + 1}-01-01` };
  if (period.kind === "year") return { from: `${period.year}-01-01`, until: `${period.year + 1}-01-01` };
  const { year, quarter } = period;
  return {
    from: `${year}-${pad(quarter * 3 - 2)}-01`,
    until: quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(quarter * 3 + 1)}-01`,
  };
}

/** `projects p`: the alias the project queries read projects by. */
export const p = alias(projects, "p");
const a = alias(arenaEntries, "a");

/** `p.taken_on` within the period (no condition for all years). */
export function takenIn(period: Period | undefined): SQL | undefined {
  if (!period) return undefined;
  const { from, until } = periodDays(period);
  return and(gte(p.takenOn, from), lt(p.takenOn, until));
}

/**
 * The sort columns of the project list, from a closed list (the URL only picks a key). Lead
 * cadre and unit sort by what the viewer sees, the blanked value, so the order of hidden names
 * reveals nothing; regions sort by code (the administrative order, leagues with their banners).
 */
function projectOrder(viewer: Principal, sort: ProjectSortKey): SQL | AnyPgColumn {
  const visible = namesVisible(viewer);
  const columns: Record<ProjectSortKey, SQL | AnyPgColumn> = {
    code: p.code,
    name: p.name,
    region: p.regionCode,
    industryChain: p.industryChain,
    leadCadre: sql`case when ${visible} then ${p.leadCadre} end`,
    cadreUnit: sql`case when ${visible} then ${p.cadreUnit} end`,
    takenOn: p.takenOn,
    // The enum's order is the stages' order (已揭榜 … 已投产).
    stage: p.stage,
    plannedInvestment: p.plannedInvestment,
    fundsInPlace: p.fundsInPlace,
  };
  return columns[sort];
}

/**
 * One page of a region's projects (with its subordinate regions) in a period (absent: all years),
 * sorted in SQL by a whitelisted column, blanks last, then by code so that pages never overlap.
 */
/** The latest year in which a project was taken up: /projects shows it by default. */
export async function latestProjectYear(db: Db): Promise<number | undefined> {
  const [row] = await db
    .select({ year: sql<number | null>`extract(year from max(${projects.takenOn}))::int` })
    .from(projects);
  return row?.year ?? undefined;
}

export async function listProjects(
  db: Db,
  viewer: Viewer,
  {
    region,
    period,
    page,
    sort = "takenOn",
    dir = "desc",
  }: { region: string; period?: Period; page: number; sort?: ProjectSortKey; dir?: SortDirection },
): Promise<{ rows: ProjectRecord[]; total: number }> {
  const visible = namesVisible(viewer);
  const where = and(within(region, r.ancestors), takenIn(period));
  const direction = sql.raw(dir === "asc" ? "asc" : "desc");
  const [list, [count]] = await Promise.all([
    db
      .select({
        code: p.code,
        name: p.name,
        regionCode: p.regionCode,
        regionName: r.nameZh,
        regionNameEn: r.nameEn,
        industryChain: p.industryChain,
        leadCadre: sql<string | null>`case when ${visible} then ${p.leadCadre} end`,
        cadreUnit: sql<string | null>`case when ${visible} then ${p.cadreUnit} end`,
        takenOn: p.takenOn,
        stage: p.stage,
        plannedInvestment: p.plannedInvestment,
        fundsInPlace: p.fundsInPlace,
        namesHidden: sql<boolean>`not (${visible})`.mapWith(Boolean),
      })
      .from(p)
      .innerJoin(r, eq(r.code, p.regionCode))
      .where(where)
      .orderBy(sql`${projectOrder(viewer, sort)} ${direction} nulls last`, p.code)
      .limit(RECORDS_PAGE_SIZE)
      .offset((page - 1) * RECORDS_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
      .from(p)
      .innerJoin(r, eq(r.code, p.regionCode))
      .where(where),
  ]);
  return { rows: list, total: count.total };
}

export type ArenaRecord = {
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  year: number;
  level: string;
  organisation: string;
  secretary: string | null;
  score: number | null;
  rank: number | null;
  award: string | null;
  namesHidden: boolean;
};

export async function listArenaEntries(
  db: Db,
  viewer: Viewer,
  { region, year, page }: { region: string; year?: number; page: number },
): Promise<{ rows: ArenaRecord[]; total: number }> {
  const visible = namesVisible(viewer);
  const where = and(within(region, r.ancestors), year ? eq(a.year, year) : undefined);
  const [list, [count]] = await Promise.all([
    db
      .select({
        regionCode: a.regionCode,
        regionName: r.nameZh,
        regionNameEn: r.nameEn,
        year: a.year,
        level: a.level,
        organisation: a.organisation,
        secretary: sql<string | null>`case when ${visible} then ${a.secretary} end`,
        score: a.score,
        rank: a.rank,
        award: a.award,
        namesHidden: sql<boolean>`not (${visible})`.mapWith(Boolean),
      })
      .from(a)
      .innerJoin(r, eq(r.code, a.regionCode))
      .where(where)
      .orderBy(desc(a.year), a.level, sql`${a.rank} nulls last`, a.organisation)
      .limit(RECORDS_PAGE_SIZE)
      .offset((page - 1) * RECORDS_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
      .from(a)
      .innerJoin(r, eq(r.code, a.regionCode))
      .where(where),
  ]);
  return { rows: list, total: count.total };
}
