import type { PromotionFigures, PromotionsView } from "@/lib/api/promotions";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type PromotionField, promotionFields } from "@/lib/contract";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { countBreakdown } from "./breakdown";

/** Frontline = every field but 非一线 (docs/data-contract.md §2). */
export function promotionFigures(byField: Record<PromotionField, number>): PromotionFigures {
  const total = Object.values(byField).reduce((a, b) => a + b, 0);
  const frontline = total - byField.非一线;
  return { byField, frontline, total, share: total > 0 ? frontline / total : null };
}

/**
 * 提拔使用 of a region and period: per child region by field, the region's own level (本级) and
 * its whole total (含下级), and the trend per quarter. Null for an unknown region.
 */
export async function getPromotions(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<PromotionsView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const b = await countBreakdown(db, "promotions", promotionFields, filters);
  if (!b) return null;
  return {
    region: b.region,
    period: b.period,
    years: b.years,
    total: promotionFigures(b.total),
    own: promotionFigures(b.own),
    children: b.children.map(({ counts, ...child }) => ({ ...child, ...promotionFigures(counts) })),
    trend: b.trend.map(({ counts, year, quarter }) => ({ year, quarter, ...promotionFigures(counts) })),
    completeness: b.completeness,
  };
}
