import { sql } from "drizzle-orm";
import { ROOT_REGION } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { rows } from "../queries/sql";
import { readReference } from "../reference/read";
import { type NewRegion, type RegionLevel, regions, villages } from "../schema";

/** Every region of the reference files, root first, with its ancestors computed from the parents. */
export function referenceRegions(): NewRegion[] {
  const rows = [...readReference("regions"), ...readReference("functional-zones"), ...readReference("townships")];
  const all: NewRegion[] = [
    {
      code: ROOT_REGION,
      nameZh: "内蒙古自治区",
      nameEn: "Inner Mongolia Autonomous Region",
      level: "autonomous_region",
      kindZh: "自治区",
      parentCode: null,
      aliases: ["内蒙古", "自治区"],
      ancestors: [ROOT_REGION],
    },
  ];
  const ancestorsOf = new Map<string, string[]>([[ROOT_REGION, [ROOT_REGION]]]);
  // Files list parents before children (prefectures, then counties, zones, townships).
  for (const row of rows) {
    const parentAncestors = ancestorsOf.get(row.parent_code);
    if (!parentAncestors) throw new Error(`Reference region ${row.code} has unknown parent ${row.parent_code}`);
    const ancestors = [...parentAncestors, row.code];
    ancestorsOf.set(row.code, ancestors);
    all.push({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en || null,
      level: row.level as RegionLevel,
      kindZh: row.kind_zh,
      parentCode: row.parent_code,
      aliases: row.aliases ? row.aliases.split(";").filter(Boolean) : [],
      ancestors,
    });
  }
  return all;
}

/**
 * Adds the reference regions that are missing. Existing rows are left alone: an administrator
 * may have renamed or retired a region since, and that must survive a restart.
 */
export async function loadReferenceRegions(db: Db): Promise<number> {
  const added = await loadRegions(db);
  await loadReferenceVillages(db);
  return added;
}

/**
 * Inserts the rows whose code is not stored, in batches. When every code is stored already (every
 * start after the first) it sends one count and nothing else.
 */
async function addMissing<T extends { code: string }>(
  db: Db,
  table: typeof regions | typeof villages,
  all: T[],
  batchSize: number,
): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${table} where code = any(${sql.param(all.map((r) => r.code))}::text[])`,
  );
  if (n === all.length) return 0;
  let added = 0;
  for (let i = 0; i < all.length; i += batchSize) {
    const result = await db
      .insert(table)
      .values(all.slice(i, i + batchSize) as never)
      .onConflictDoNothing({ target: table.code })
      .returning({ code: table.code });
    added += result.length;
  }
  return added;
}

const loadRegions = (db: Db) => addMissing(db, regions, referenceRegions(), 500);

/**
 * Adds the reference villages and communities (嘎查、村、社区; db/reference/villages.csv) that are
 * missing, in batches, after the regions they sit under. Like the regions, existing rows stay.
 */
export async function loadReferenceVillages(db: Db): Promise<number> {
  const all = readReference("villages").map((row) => ({
    code: row.code,
    nameZh: row.name_zh,
    kindZh: row.kind_zh,
    townshipCode: row.parent_code,
  }));
  return addMissing(db, villages, all, 1000);
}
