import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { auditLog, uploadBatches } from "../schema";
import { rows } from "./sql";

/** True while the demo batches (演示数据) are loaded and not undone: the UI must say so. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const result = await db
    .select({ one: sql`1` })
    .from(uploadBatches)
    .where(and(eq(uploadBatches.source, "demo"), eq(uploadBatches.status, "committed")))
    .limit(1);
  return result.length > 0;
}

/**
 * When the published figures last changed: the latest commit or undo of a batch, or figure
 * entered through the form. Exports and reports print it as 数据截至; null before any figures.
 */
export async function dataAsOf(db: Db): Promise<Date | null> {
  const [row] = await rows<{ at: Date | string | null }>(
    db,
    sql`select greatest(
      (select max(${uploadBatches.createdAt}) from ${uploadBatches}),
      (select max(${uploadBatches.undoneAt}) from ${uploadBatches}),
      (select max(${auditLog.at}) from ${auditLog} where ${auditLog.action} = 'figure.write')
    ) as at`,
  );
  return row?.at ? new Date(row.at) : null;
}
