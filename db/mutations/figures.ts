import { and, eq } from "drizzle-orm";
import { AccessDenied, NotFound } from "@/lib/auth/errors";
import { canUpload, canWriteFigures, type Viewer } from "@/lib/auth/permissions";
import type { AdjustmentType, PromotionField } from "@/lib/contract";
import type { Db } from "../connect";
import { ancestorsOf, regionNames } from "../queries/regions-scope";
import { adjustments, promotions } from "../schema";
import { writeAudit } from "./audit";

export type CountFigure =
  | { dataset: "promotions"; region: string; year: number; quarter: number; key: PromotionField; count: number }
  | { dataset: "adjustments"; region: string; year: number; quarter: number; key: AdjustmentType; count: number };

/**
 * Writes one count (a correction, or a clerk's single entry): upsert by the natural key, with the
 * value it replaced in the audit entry, in one transaction. The region rule comes first.
 */
export async function writeCountFigure(db: Db, viewer: Viewer, figure: CountFigure, ip: string | null = null) {
  const ancestors = await ancestorsOf(db, figure.region);
  if (!ancestors) throw new NotFound("regionNotFound", { code: figure.region });
  if (!canWriteFigures(viewer, ancestors)) {
    if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
    const names = await regionNames(db, [viewer.regionCode, figure.region]);
    throw new AccessDenied("forbiddenRegion", { home: names[0], region: names[1] });
  }
  return db.transaction(async (tx) => {
    let before: number | null;
    if (figure.dataset === "promotions") {
      const key = and(
        eq(promotions.regionCode, figure.region),
        eq(promotions.year, figure.year),
        eq(promotions.quarter, figure.quarter),
        eq(promotions.field, figure.key),
      );
      [{ count: before } = { count: null }] = await tx.select({ count: promotions.count }).from(promotions).where(key);
      await tx
        .insert(promotions)
        .values({
          regionCode: figure.region,
          year: figure.year,
          quarter: figure.quarter,
          field: figure.key,
          count: figure.count,
        })
        .onConflictDoUpdate({
          target: [promotions.regionCode, promotions.year, promotions.quarter, promotions.field],
          set: { count: figure.count, updatedAt: new Date(), batchId: null },
        });
    } else {
      const key = and(
        eq(adjustments.regionCode, figure.region),
        eq(adjustments.year, figure.year),
        eq(adjustments.quarter, figure.quarter),
        eq(adjustments.type, figure.key),
      );
      [{ count: before } = { count: null }] = await tx
        .select({ count: adjustments.count })
        .from(adjustments)
        .where(key);
      await tx
        .insert(adjustments)
        .values({
          regionCode: figure.region,
          year: figure.year,
          quarter: figure.quarter,
          type: figure.key,
          count: figure.count,
        })
        .onConflictDoUpdate({
          target: [adjustments.regionCode, adjustments.year, adjustments.quarter, adjustments.type],
          set: { count: figure.count, updatedAt: new Date(), batchId: null },
        });
    }
    await writeAudit(tx, {
      actor: viewer.id,
      action: "figure.write",
      ip,
      regionCode: figure.region,
      detail: { ...figure, before },
    });
    return { before, after: figure.count };
  });
}
