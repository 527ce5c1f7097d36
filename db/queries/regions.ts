import { and, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RegionOption } from "@/lib/api/regions";
import type { Principal } from "@/lib/auth/permissions";
import type { RegionPath } from "@/lib/types";
import type { Db } from "../connect";
import { regions } from "../schema";
import { r } from "./rollup";
import { writable } from "./scope";

/** The regions one can pick and that report figures: the autonomous region, leagues, banners and zones. */
const LISTED_LEVELS = ["autonomous_region", "prefecture", "county", "functional_zone"] as const;

/** The region with its path from the root, or null when no such region exists. */
export async function getRegionPath(db: Db, code: string): Promise<RegionPath | null> {
  const a = alias(regions, "a");
  const c = alias(regions, "c");
  const path = await db
    .select({
      code: a.code,
      nameZh: a.nameZh,
      nameEn: a.nameEn,
      level: a.level,
      hasChildren: exists(
        db
          .select({ one: sql`1` })
          .from(c)
          .where(and(eq(c.parentCode, a.code), inArray(c.level, ["county", "functional_zone", "prefecture"]))),
      ).mapWith(Boolean),
    })
    .from(r)
    .innerJoin(a, sql`${a.code} = any(${r.ancestors})`)
    .where(eq(r.code, code))
    .orderBy(sql`array_length(${a.ancestors}, 1)`);
  if (path.length === 0) return null;
  const self = path[path.length - 1];
  return {
    code: self.code,
    nameZh: self.nameZh,
    nameEn: self.nameEn,
    level: self.level,
    hasChildren: self.hasChildren,
    path: path.map(({ hasChildren: _, ...ref }) => ref),
  };
}

/**
 * The autonomous region, leagues, banners and zones whose name, abbreviation or code matches
 * (察右前旗 finds 察哈尔右翼前旗); all of them, in code order, for an empty search.
 */
export async function searchRegions(db: Db, q: string): Promise<RegionOption[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const p = alias(regions, "p");
  return db
    .select({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level, parentName: p.nameZh })
    .from(r)
    .leftJoin(p, eq(p.code, r.parentCode))
    .where(
      and(
        inArray(r.level, LISTED_LEVELS),
        isNull(r.validTo),
        sql`(${q} = '' or ${r.code} like ${like} or ${r.nameZh} like ${like}
             or exists (select 1 from unnest(${r.aliases}) a where a like ${like}))`,
      ),
    )
    .orderBy(r.code)
    .limit(200);
}

export type MatchableRegion = {
  code: string;
  nameZh: string;
  level: string;
  parentCode: string | null;
  aliases: string[];
  ancestors: string[];
};

/** Regions that report figures (the autonomous region, leagues, banners and zones), for reading files. */
export async function reportingRegions(db: Db): Promise<MatchableRegion[]> {
  return db
    .select({
      code: regions.code,
      nameZh: regions.nameZh,
      level: regions.level,
      parentCode: regions.parentCode,
      aliases: regions.aliases,
      ancestors: regions.ancestors,
    })
    .from(regions)
    .where(and(inArray(regions.level, LISTED_LEVELS), isNull(regions.validTo)))
    .orderBy(regions.code);
}

/** The reporting regions the caller may write figures for, in code order: the template's drop-down list. */
export async function writableRegions(db: Db, viewer: Principal): Promise<string[]> {
  const found = await db
    .select({ nameZh: r.nameZh })
    .from(r)
    .where(and(inArray(r.level, LISTED_LEVELS), isNull(r.validTo), writable(viewer)))
    .orderBy(r.code);
  return found.map((region) => region.nameZh);
}
