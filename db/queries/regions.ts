import { sql } from "drizzle-orm";
import type { RegionOption } from "@/lib/api/regions";
import type { RegionPath, RegionRef } from "@/lib/types";
import type { Db } from "../connect";
import { rows } from "./sql";

/** The region with its path from the root, or null when no such region exists. */
export async function getRegionPath(db: Db, code: string): Promise<RegionPath | null> {
  const path = await rows<RegionRef & { hasChildren: boolean }>(
    db,
    sql`select a.code, a.name_zh as "nameZh", a.name_en as "nameEn", a.level,
          exists (select 1 from regions c where c.parent_code = a.code and c.level in ('county', 'functional_zone', 'prefecture')) as "hasChildren"
        from regions r
        join regions a on a.code = any(r.ancestors)
        where r.code = ${code}
        order by array_length(a.ancestors, 1)`,
  );
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
  return rows<RegionOption>(
    db,
    sql`select r.code, r.name_zh as "nameZh", r.name_en as "nameEn", r.level, p.name_zh as "parentName"
        from regions r left join regions p on p.code = r.parent_code
        where r.level in ('autonomous_region', 'prefecture', 'county', 'functional_zone') and r.valid_to is null
          and (${q} = '' or r.code like ${like} or r.name_zh like ${like}
               or exists (select 1 from unnest(r.aliases) a where a like ${like}))
        order by r.code
        limit 200`,
  );
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
  return rows<MatchableRegion>(
    db,
    sql`select code, name_zh as "nameZh", level, parent_code as "parentCode", aliases, ancestors
        from regions
        where level in ('autonomous_region', 'prefecture', 'county', 'functional_zone') and valid_to is null
        order by code`,
  );
}
