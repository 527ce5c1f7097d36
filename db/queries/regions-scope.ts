import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../connect";
import { regions } from "../schema";

/** The region's codes from the root down to itself, or null when it does not exist. */
export async function ancestorsOf(db: Db | Tx, code: string): Promise<string[] | null> {
  const [row] = await db.select({ ancestors: regions.ancestors }).from(regions).where(eq(regions.code, code));
  return row?.ancestors ?? null;
}

/** Names with codes, for messages a person reads: 乌拉特后旗（150825）. */
export async function regionNames(db: Db | Tx, codes: string[]): Promise<string[]> {
  const found = await db
    .select({ code: regions.code, name: regions.nameZh })
    .from(regions)
    .where(inArray(regions.code, codes));
  return codes.map((code) => {
    const name = found.find((r) => r.code === code)?.name;
    return name ? `${name}（${code}）` : code;
  });
}
