import { and, eq, sql } from "drizzle-orm";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import { canUpload, canWriteFigures, publishesDirectly, type Viewer } from "@/lib/auth/permissions";
import type { AdjustmentType, PromotionField } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import type { Db, Tx } from "../connect";
import { lockOf } from "../queries/periods";
import { ancestorsOf, regionNames } from "../queries/regions-scope";
import { rows } from "../queries/sql";
import { adjustments, promotions } from "../schema";
import { writeAudit } from "./audit";
import { createStage, lockDataset, staged, stageRows, writeRows } from "./datasets";
import { stageSubmission, submitStaged } from "./submissions";

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
    const [{ count: before } = { count: null }] =
      figure.dataset === "promotions"
        ? await tx
            .select({ count: promotions.count })
            .from(promotions)
            .where(
              and(
                eq(promotions.regionCode, regionCode),
                eq(promotions.year, year),
                eq(promotions.quarter, quarter),
                eq(promotions.field, figure.key),
              ),
            )
        : await tx
            .select({ count: adjustments.count })
            .from(adjustments)
            .where(
              and(
                eq(adjustments.regionCode, regionCode),
                eq(adjustments.year, year),
                eq(adjustments.quarter, quarter),
                eq(adjustments.type, figure.key),
              ),
            );
    const submission = publishesDirectly(viewer) ? null : await submitFigure(tx, viewer, figure, ip);
    if (submission) return { before, after: count, submission };
    if (figure.dataset === "promotions") {
      await writeRows(tx, "promotions", [{ regionCode, year, quarter, field: figure.key, count }], null);
    } else {
      await writeRows(tx, "adjustments", [{ regionCode, year, quarter, type: figure.key, count }], null);
    }
    await writeAudit(tx, {
      actor: viewer.id,
      action: "figure.write",
      ip,
      regionCode: figure.region,
      detail: { ...figure, before },
    });
    return { before, after: figure.count, submission: null };
  });
}

/**
 * A figure entered below the top of the tree is reported like a file: added to the region's open
 * submission for the period (or starting one), as a new version for the region above to review.
 * While no period has been opened at all the cycle is not run, and the figure is written at once.
 */
async function submitFigure(tx: Tx, viewer: Viewer, figure: CountFigure, ip: string | null) {
  const spec = DATASETS[figure.dataset];
  await lockDataset(tx, spec);
  const [period] = await rows<{ id: number | null; any: boolean }>(
    tx,
    sql`select (select id from reporting_periods where dataset = ${figure.dataset} and year = ${figure.year}
                 and quarter = ${figure.quarter}) as id,
               exists (select 1 from reporting_periods) as any`,
  );
  if (period.id === null) {
    if (period.any) throw new RequestRefused(409, "periodNotOpen", { year: figure.year, quarter: figure.quarter });
    return null;
  }
  const [open] = await rows<{ id: number }>(
    tx,
    sql`select id from submissions where dataset = ${figure.dataset} and period_id = ${period.id}
          and region_code = ${viewer.regionCode} and status in ('pending', 'returned')`,
  );
  if (open) await stageSubmission(tx, spec, open.id);
  else await createStage(tx, spec);
  const category = figure.dataset === "promotions" ? "field" : "type";
  await tx.execute(sql`delete from ${staged} where region_code = ${figure.region} and year = ${figure.year}
    and quarter = ${figure.quarter} and ${sql.raw(category)} = ${figure.key}`);
  const [{ last }] = await rows<{ last: number }>(
    tx,
    sql`select coalesce(max(row_number), 0)::int as last from ${staged}`,
  );
  const row = { regionCode: figure.region, year: figure.year, quarter: figure.quarter, count: figure.count };
  if (figure.dataset === "promotions") await stageRows(tx, "promotions", [{ ...row, field: figure.key }], last);
  else await stageRows(tx, "adjustments", [{ ...row, type: figure.key }], last);
  const [submitted] = await submitStaged(tx, spec, viewer, {
    source: "api",
    fileName: "figure",
    fileHash: "",
    ip,
  });
  await tx.execute(sql`drop table ${staged}`);
  return submitted;
}
