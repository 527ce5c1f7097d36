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

/** Whether every code is stored already: then a start inserts nothing (one statement, not thirty). */
async function allStored(db: Db, table: "regions" | "villages", codes: string[]): Promise<boolean> {
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.raw(table)} where code = any(${sql.param(codes)}::text[])`,
  );
  return n === codes.length;
}

async function loadRegions(db: Db): Promise<number> {
  const all = referenceRegions();
  if (
    await allStored(
      db,
      "regions",
      all.map((r) => r.code),
    )
  )
    return 0;
  let added = 0;
  for (let i = 0; i < all.length; i += 500) {
    const result = await db
      .insert(regions)
      .values(all.slice(i, i + 500))
      .onConflictDoNothing({ target: regions.code })
      .returning({ code: regions.code });
    added += result.length;
  }
  return added;
}

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
  if (
    await allStored(
      db,
      "villages",
      all.map((v) => v.code),
    )
  )
    return 0;
  let added = 0;
  for (let i = 0; i < all.length; i += 1000) {
    const result = await db
      .insert(villages)
      .values(all.slice(i, i + 1000))
      .onConflictDoNothing({ target: villages.code })
      .returning({ code: villages.code });
    added += result.length;
  }
  return added;
}
