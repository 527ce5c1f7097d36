import type { SQL } from "drizzle-orm";
import type { Db } from "../connect";

/** Runs a raw aggregate and returns its rows (node-postgres and PGlite both answer `{ rows }`). */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
