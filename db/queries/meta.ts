import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uploadBatches } from "../schema";

/** True while the demo batches (演示数据) are loaded and not undone: the UI must say so. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const result = await db
    .select({ one: sql`1` })
    .from(uploadBatches)
    .where(and(eq(uploadBatches.source, "demo"), eq(uploadBatches.status, "committed")))
    .limit(1);
  return result.length > 0;
}
