import { sql } from "drizzle-orm";
import type { AdjustmentFigures, AdjustmentsView } from "@/lib/api/adjustments";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type AdjustmentType, adjustmentTypes } from "@/lib/contract";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { jobFit } from "../schema";
import { countBreakdown } from "./breakdown";
import { within } from "./rollup";
import { rows } from "./sql";

/** Moved down: dismissed, demoted, transferred out; moved back up: reinstated, promoted again. */
export const downTypes = ["免职", "降职", "调离"] as const satisfies readonly AdjustmentType[];
export const upTypes = ["恢复任职", "提拔重用"] as const satisfies readonly AdjustmentType[];

export function adjustmentFigures(byType: Record<AdjustmentType, number>): AdjustmentFigures {
  const sum = (types: readonly AdjustmentType[]) => types.reduce((a, t) => a + byType[t], 0);
  return { byType, down: sum(downTypes), up: sum(upTypes) };
}

/**
 * 能上能下 of a region and period: per child region by type, 本级 and 含下级, and the trend per
 * quarter. Null for an unknown region.
 */
export async function getAdjustments(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<AdjustmentsView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const b = await countBreakdown(db, "adjustments", adjustmentTypes, filters);
  if (!b) return null;
  const { from, to } = periodYears(b.period);
  const [afterJobFit] = await rows<{ moved: number; dismissed: number }>(
    db,
    sql`select count(*) filter (where j.action = '调整岗位')::int as moved,
               count(*) filter (where j.action = '免职/降职')::int as dismissed
        from ${jobFit} j join regions r on r.code = j.region_code
        where j.grade = '不适岗' and j.year between ${from} and ${to} and ${within(filters.region, sql`r.ancestors`)}`,
  );
  return {
    region: b.region,
    period: b.period,
    years: b.years,
    total: adjustmentFigures(b.total),
    own: adjustmentFigures(b.own),
    children: b.children.map(({ counts, ...child }) => ({ ...child, ...adjustmentFigures(counts) })),
    trend: b.trend.map(({ counts, year, quarter }) => ({ year, quarter, ...adjustmentFigures(counts) })),
    completeness: b.completeness,
    afterJobFit,
  };
}
