import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { auditLog, submissions, uploadBatches } from "../schema";
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

/** The latest commit or undo of a batch, approval of a report, or figure entered through the form. */
const latestChange = sql`greatest(
  (select max(${uploadBatches.createdAt}) from ${uploadBatches}),
  (select max(${uploadBatches.undoneAt}) from ${uploadBatches}),
  (select max(${submissions.reviewedAt}) from ${submissions} where ${submissions.status} = 'approved'),
  (select max(${auditLog.at}) from ${auditLog} where ${auditLog.action} = 'figure.write')
)`;

/**
 * When the published figures last changed (latestChange). Exports and reports print it as
 * 数据截至; null before any figures.
 */
export async function dataAsOf(db: Db): Promise<Date | null> {
  const [row] = await rows<{ at: Date | string | null }>(db, sql`select ${latestChange} as at`);
  return row?.at ? new Date(row.at) : null;
}

/**
 * A token that changes whenever the published figures do: the data version, raised in the
 * transaction of every change (db/schema/data-version.ts). One primary-key read: cheap enough to
 * ask before every cached answer and to poll from the wall screen.
 */
export async function dataVersion(db: Db): Promise<string> {
  const [row] = await rows<{ version: string }>(
    db,
    sql`select version::text as version from data_version where id = 1`,
  );
  return row?.version ?? "0";
}
