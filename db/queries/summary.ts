import { sql } from "drizzle-orm";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import {
  type AdjustmentType,
  type ArenaLevel,
  adjustmentTypes,
  arenaLevels,
  type ProjectStage,
  type PromotionField,
  projectStages,
  promotionFields,
} from "@/lib/contract";
import type { Db } from "../connect";
import { regions } from "../schema";
import { getRegionPath } from "./regions";
import { within } from "./rollup";
import { distinctCadres, rows } from "./sql";

export type Summary = {
  region: { code: string; nameZh: string; nameEn: string | null };
  year: number;
  quarter: number | null;
  promotions: { frontline: number; total: number; share: number | null; byField: Record<PromotionField, number> };
  arena: { entries: number; byLevel: Record<ArenaLevel, number> };
  projects: {
    projects: number;
    cadres: number;
    plannedInvestment: number;
    fundsInPlace: number;
    byStage: Record<ProjectStage, number>;
  };
  adjustments: { byType: Record<AdjustmentType, number> };
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * One region's figures for a year or a quarter, each including its subordinate regions: the
 * region's own and its descendants' rows, aggregated in SQL. Arena contests are yearly, so a
 * quarter does not narrow them; projects count by the day they were taken.
 */
export async function getSummary(
  db: Db,
  viewer: Principal,
  { region, year, quarter }: { region: string; year: number; quarter?: number },
): Promise<Summary | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const inRegion = sql`region_code in (select ${regions.code} from ${regions} where ${within(region)})`;
  const inQuarter = quarter ? sql`and quarter = ${quarter}` : sql``;
  const from = quarter ? `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01` : `${year}-01-01`;
  const to = quarter
    ? quarter === 4
      ? `${year + 1}-01-01`
      : `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01`
    : `${year + 1}-01-01`;

  const [byField, byLevel, projectTotals, byStage, byType] = await Promise.all([
    rows<{ key: PromotionField; n: number }>(
      db,
      sql`select field as key, sum(count)::int as n from promotions where ${inRegion} and year = ${year} ${inQuarter} group by field`,
    ),
    rows<{ key: ArenaLevel; n: number }>(
      db,
      sql`select level as key, sum(entries)::int as n from arena_counts where ${inRegion} and year = ${year} group by level`,
    ),
    rows<{ projects: number; cadres: number; planned: number; funds: number }>(
      db,
      sql`select count(*)::int as projects, ${distinctCadres()}::int as cadres,
                 coalesce(sum(planned_investment), 0)::float8 as planned, coalesce(sum(funds_in_place), 0)::float8 as funds
          from projects where ${inRegion} and taken_on >= ${from} and taken_on < ${to}`,
    ),
    rows<{ key: ProjectStage; n: number }>(
      db,
      sql`select stage as key, count(*)::int as n from projects
          where ${inRegion} and taken_on >= ${from} and taken_on < ${to} group by stage`,
    ),
    rows<{ key: AdjustmentType; n: number }>(
      db,
      sql`select type as key, sum(count)::int as n from adjustments where ${inRegion} and year = ${year} ${inQuarter} group by type`,
    ),
  ]);

  const fill = <K extends string>(keys: readonly K[], list: { key: K; n: number }[]) => {
    const out = zeros(keys);
    for (const { key, n } of list) out[key] = n;
    return out;
  };
  const fields = fill(promotionFields, byField);
  const total = Object.values(fields).reduce((a, b) => a + b, 0);
  const frontline = total - fields.非一线;
  const levels = fill(arenaLevels, byLevel);
  const [p] = projectTotals;
  return {
    region: { code: path.code, nameZh: path.nameZh, nameEn: path.nameEn },
    year,
    quarter: quarter ?? null,
    promotions: { frontline, total, share: total ? frontline / total : null, byField: fields },
    arena: { entries: Object.values(levels).reduce((a, b) => a + b, 0), byLevel: levels },
    projects: {
      projects: p.projects,
      cadres: p.cadres,
      plannedInvestment: p.planned,
      fundsInPlace: p.funds,
      byStage: fill(projectStages, byStage),
    },
    adjustments: { byType: fill(adjustmentTypes, byType) },
  };
}
