import { eq } from "drizzle-orm";
import type { Db, Tx } from "../connect";
import { regions } from "../schema";

/** The region's codes from the root down to itself, or null when it does not exist. */
export async function ancestorsOf(db: Db | Tx, code: string): Promise<string[] | null> {
  const [row] = await db.select({ ancestors: regions.ancestors }).from(regions).where(eq(regions.code, code));
  return row?.ancestors ?? null;
}
