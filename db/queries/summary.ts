import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
import { adjustments, arenaCounts, projects, promotions, regions } from "../schema";
import { getRegionPath } from "./regions";
import { within } from "./rollup";
import { distinctCadres, sumInt } from "./sql";

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
  const inRegion = (regionCode: AnyPgColumn) =>
    inArray(regionCode, db.select({ code: regions.code }).from(regions).where(within(region)));
  const from = quarter ? `${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01` : `${year}-01-01`;
  const to = quarter
    ? quarter === 4
      ? `${year + 1}-01-01`
      : `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01`
    : `${year + 1}-01-01`;
  const takenIn = and(inRegion(projects.regionCode), gte(projects.takenOn, from), lt(projects.takenOn, to));

  const [byField, byLevel, projectTotals, byStage, byType] = await Promise.all([
    db
      .select({ key: promotions.field, n: sumInt(promotions.count) })
      .from(promotions)
      .where(
        and(
          inRegion(promotions.regionCode),
          eq(promotions.year, year),
          quarter ? eq(promotions.quarter, quarter) : undefined,
        ),
      )
      .groupBy(promotions.field),
    db
      .select({ key: arenaCounts.level, n: sumInt(arenaCounts.entries) })
      .from(arenaCounts)
      .where(and(inRegion(arenaCounts.regionCode), eq(arenaCounts.year, year)))
      .groupBy(arenaCounts.level),
    db
      .select({
        projects: sql<number>`count(*)::int`.mapWith(Number),
        cadres: sql<number>`${distinctCadres()}::int`.mapWith(Number),
        planned: sql<number>`coalesce(sum(${projects.plannedInvestment}), 0)::float8`.mapWith(Number),
        funds: sql<number>`coalesce(sum(${projects.fundsInPlace}), 0)::float8`.mapWith(Number),
      })
      .from(projects)
      .where(takenIn),
    db
      .select({ key: projects.stage, n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(projects)
      .where(takenIn)
      .groupBy(projects.stage),
    db
      .select({ key: adjustments.type, n: sumInt(adjustments.count) })
      .from(adjustments)
      .where(
        and(
          inRegion(adjustments.regionCode),
          eq(adjustments.year, year),
          quarter ? eq(adjustments.quarter, quarter) : undefined,
        ),
      )
      .groupBy(adjustments.type),
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
