import { sql } from "drizzle-orm";
import type { Db } from "../connect";
import { rows } from "./sql";

/** True while the demo batches (演示数据) are loaded and not undone: the UI must say so. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const result = await rows(
    db,
    sql`select 1 from upload_batches where source = 'demo' and status = 'committed' limit 1`,
  );
  return result.length > 0;
}
