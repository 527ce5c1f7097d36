import { and, eq } from "drizzle-orm";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import { canUpload, canWriteFigures, type Viewer } from "@/lib/auth/permissions";
import type { AdjustmentType, PromotionField } from "@/lib/contract";
import type { Db } from "../connect";
import { lockOf } from "../queries/periods";
import { ancestorsOf, regionNames } from "../queries/regions-scope";
import { adjustments, promotions } from "../schema";
import { writeAudit } from "./audit";
import { writeRows } from "./datasets";

export type CountFigure =
  | { dataset: "promotions"; region: string; year: number; quarter: number; key: PromotionField; count: number }
  | { dataset: "adjustments"; region: string; year: number; quarter: number; key: AdjustmentType; count: number };

/**
 * Writes one count (a correction, or a clerk's single entry) the way an upload writes its rows
 * (db/mutations/datasets.ts), but in no batch, with the value it replaced in the audit entry, in
 * one transaction. The region rule comes first.
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
    const { region: regionCode, year, quarter, count } = figure;
    const lock = await lockOf(tx, figure.dataset, regionCode, year, quarter);
    if (lock) {
      throw new RequestRefused(409, "lockedFigure", { year, quarter, region: lock.lockedBy });
    }
    let before: number | null;
    if (figure.dataset === "promotions") {
      const key = and(
        eq(promotions.regionCode, regionCode),
        eq(promotions.year, year),
        eq(promotions.quarter, quarter),
        eq(promotions.field, figure.key),
      );
      [{ count: before } = { count: null }] = await tx.select({ count: promotions.count }).from(promotions).where(key);
      await writeRows(tx, "promotions", [{ regionCode, year, quarter, field: figure.key, count }], null);
    } else {
      const key = and(
        eq(adjustments.regionCode, regionCode),
        eq(adjustments.year, year),
        eq(adjustments.quarter, quarter),
        eq(adjustments.type, figure.key),
      );
      [{ count: before } = { count: null }] = await tx
        .select({ count: adjustments.count })
        .from(adjustments)
        .where(key);
      await writeRows(tx, "adjustments", [{ regionCode, year, quarter, type: figure.key, count }], null);
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
