import { type SQL, sql } from "drizzle-orm";
import type { ProjectRecord } from "@/lib/api/projects";
import type { Principal, Viewer } from "@/lib/auth/permissions";
import type { Period, ProjectSortKey, SortDirection } from "@/lib/view";
import type { Db } from "../connect";
import { r, within } from "./rollup";
import { namesVisible } from "./scope";
import { rows } from "./sql";

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

/** `p.taken_on` within the period (nothing for all years); `p` is the projects row. */
export function takenIn(period: Period | undefined): SQL {
  if (!period) return sql``;
  const { from, until } = periodDays(period);
  return sql`and p.taken_on >= ${from} and p.taken_on < ${until}`;
}

/**
 * The sort columns of the project list, from a closed list (the URL only picks a key). Lead
 * cadre and unit sort by what the viewer sees, the blanked value, so the order of hidden names
 * reveals nothing; regions sort by code (the administrative order, leagues with their banners).
 */
function projectOrder(viewer: Principal, sort: ProjectSortKey): SQL {
  const visible = namesVisible(viewer);
  const columns: Record<ProjectSortKey, SQL> = {
    code: sql`p.code`,
    name: sql`p.name`,
    region: sql`p.region_code`,
    industryChain: sql`p.industry_chain`,
    leadCadre: sql`case when ${visible} then p.lead_cadre end`,
    cadreUnit: sql`case when ${visible} then p.cadre_unit end`,
    takenOn: sql`p.taken_on`,
    // The enum's order is the stages' order (已揭榜 … 已投产).
    stage: sql`p.stage`,
    plannedInvestment: sql`p.planned_investment`,
    fundsInPlace: sql`p.funds_in_place`,
  };
  return columns[sort];
}

/**
 * One page of a region's projects (with its subordinate regions) in a period (absent: all years),
 * sorted in SQL by a whitelisted column, blanks last, then by code so that pages never overlap.
 */
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
  const where = sql`${within(region, r.ancestors)} ${takenIn(period)}`;
  const direction = sql.raw(dir === "asc" ? "asc" : "desc");
  const [list, [count]] = await Promise.all([
    rows<ProjectRecord>(
      db,
      sql`select p.code, p.name, p.region_code as "regionCode", r.name_zh as "regionName", r.name_en as "regionNameEn", p.industry_chain as "industryChain",
                 case when ${visible} then p.lead_cadre end as "leadCadre",
                 case when ${visible} then p.cadre_unit end as "cadreUnit",
                 p.taken_on::text as "takenOn", p.stage::text as stage,
                 p.planned_investment::float8 as "plannedInvestment", p.funds_in_place::float8 as "fundsInPlace",
                 not (${visible}) as "namesHidden"
          from projects p join regions r on r.code = p.region_code
          where ${where}
          order by ${projectOrder(viewer, sort)} ${direction} nulls last, p.code
          limit ${RECORDS_PAGE_SIZE} offset ${(page - 1) * RECORDS_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from projects p join regions r on r.code = p.region_code where ${where}`,
    ),
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
  const where = sql`${within(region, r.ancestors)} ${year ? sql`and a.year = ${year}` : sql``}`;
  const [list, [count]] = await Promise.all([
    rows<ArenaRecord>(
      db,
      sql`select a.region_code as "regionCode", r.name_zh as "regionName", r.name_en as "regionNameEn", a.year::int as year, a.level::text as level,
                 a.organisation, case when ${visible} then a.secretary end as secretary,
                 a.score::float8 as score, a.rank, a.award, not (${visible}) as "namesHidden"
          from arena_entries a join regions r on r.code = a.region_code
          where ${where}
          order by a.year desc, a.level, a.rank nulls last, a.organisation
          limit ${RECORDS_PAGE_SIZE} offset ${(page - 1) * RECORDS_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from arena_entries a join regions r on r.code = a.region_code where ${where}`,
    ),
  ]);
  return { rows: list, total: count.total };
}
