import { sql } from "drizzle-orm";
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
