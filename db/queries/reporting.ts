import { sql } from "drizzle-orm";
import type { ReportingRow } from "@/lib/types";
import type { Db } from "../connect";
import { rows } from "./sql";

/**
 * Who has reported what for a year, per child region: for each dataset (and quarter, where the
 * dataset is quarterly) how many of the regions in the child's part of the tree sent any row,
 * against how many could. Staff use it to chase the missing ones.
 */
export async function reportingBoard(db: Db, region: string, depth: number, year: number): Promise<ReportingRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const cells = await rows<{ child: string; cell: string; reported: number }>(
    db,
    sql`with scope as (
          select code, coalesce(ancestors[${depth + 1}], code) as child from regions
          where ancestors @> array[${region}]::text[] and level in ('prefecture', 'county')
        ), reported as (
          select 'promotions:' || quarter as cell, region_code from promotions where year = ${year} group by 1, 2
          union all select 'adjustments:' || quarter, region_code from adjustments where year = ${year} group by 1, 2
          union all select 'arena', region_code from arena_entries where year = ${year} group by 1, 2
          union all select 'projects', region_code from projects where taken_on >= ${from} and taken_on < ${to} group by 1, 2
          union all select 'indicators', region_code from indicators where year = ${year} group by 1, 2
        )
        select s.child, r.cell, count(*)::int as reported
        from reported r join scope s on s.code = r.region_code
        group by s.child, r.cell`,
  );
  const children = await rows<{ code: string; nameZh: string; nameEn: string | null; expected: number }>(
    db,
    sql`select t.code, c.name_zh as "nameZh", c.name_en as "nameEn", t.expected
        from (select coalesce(ancestors[${depth + 1}], code) as code, count(*)::int as expected
              from regions where ancestors @> array[${region}]::text[] and level in ('prefecture', 'county')
              group by 1) t
        join regions c on c.code = t.code
        order by t.code <> ${region}, t.code`,
  );
  return children.map((child) => ({
    ...child,
    own: child.code === region,
    cells: Object.fromEntries(cells.filter((c) => c.child === child.code).map((c) => [c.cell, c.reported])),
  }));
}
