import { sql } from "drizzle-orm";
import { type Principal, ROOT_REGION } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "../connect";
import { rows } from "./sql";

/**
 * Records that name people. Every signed-in user may list them (the counts are no secret), but
 * the names are blanked in SQL unless the record's region lies inside the user's home region
 * (admins and 150000 users see all): the rule of lib/auth/permissions.ts canSeeNames.
 */
export const namesVisible = (viewer: Principal) =>
  viewer.role === "admin" || viewer.regionCode === ROOT_REGION
    ? sql`true`
    : sql`r.ancestors @> array[${viewer.regionCode}]::text[]`;

export const RECORDS_PAGE_SIZE = 50;

export type ProjectRecord = {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  industryChain: string | null;
  leadCadre: string | null;
  cadreUnit: string | null;
  takenOn: string;
  stage: string;
  plannedInvestment: number | null;
  fundsInPlace: number | null;
  namesHidden: boolean;
};

export async function listProjects(
  db: Db,
  viewer: Viewer,
  { region, year, page }: { region: string; year?: number; page: number },
): Promise<{ rows: ProjectRecord[]; total: number }> {
  const visible = namesVisible(viewer);
  const where = sql`r.ancestors @> array[${region}]::text[]
    ${year ? sql`and p.taken_on >= ${`${year}-01-01`} and p.taken_on < ${`${year + 1}-01-01`}` : sql``}`;
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
          order by p.taken_on desc, p.code
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
  const where = sql`r.ancestors @> array[${region}]::text[] ${year ? sql`and a.year = ${year}` : sql``}`;
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
