import { inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ReportingRow } from "@/lib/types";
import type { Db } from "../connect";
import { adjustments, arenaCounts, indicators, projects, promotions, regions } from "../schema";
import { childOf, within } from "./rollup";
import { rows } from "./sql";

/** The regions the board expects figures from: leagues and banners. */
const REPORTING_LEVELS = ["prefecture", "county"] as const;

const c = alias(regions, "c");

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
    // Per region of the scope, a few index probes (has it any row of the year?) rather than
    // every row of the year of every table, whatever the region viewed.
    sql`with scope as (
          select ${regions.code} as code, ${childOf(depth)} as child from ${regions}
          where ${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}
        )
        select s.child, r.cell, count(*)::int as reported
        from scope s
        cross join lateral (
          select 'promotions:' || ${promotions.quarter} as cell from ${promotions}
          where ${promotions.regionCode} = s.code and ${promotions.year} = ${year} group by ${promotions.quarter}
          union all select 'adjustments:' || ${adjustments.quarter} from ${adjustments}
          where ${adjustments.regionCode} = s.code and ${adjustments.year} = ${year} group by ${adjustments.quarter}
          union all select 'arena' where exists (
            select 1 from ${arenaCounts} where ${arenaCounts.regionCode} = s.code and ${arenaCounts.year} = ${year})
          union all select 'projects' where exists (
            select 1 from ${projects}
            where ${projects.regionCode} = s.code and ${projects.takenOn} >= ${from} and ${projects.takenOn} < ${to})
          union all select 'indicators' where exists (
            select 1 from ${indicators} where ${indicators.regionCode} = s.code and ${indicators.year} = ${year})
        ) r
        group by s.child, r.cell`,
  );
  const children = await rows<{ code: string; nameZh: string; nameEn: string | null; expected: number }>(
    db,
    sql`select t.code, ${c.nameZh} as "nameZh", ${c.nameEn} as "nameEn", t.expected
        from (select ${childOf(depth)} as code, count(*)::int as expected
              from ${regions} where ${within(region)} and ${inArray(regions.level, REPORTING_LEVELS)}
              group by 1) t
        join regions c on ${c.code} = t.code
        order by t.code <> ${region}, t.code`,
  );
  return children.map((child) => ({
    ...child,
    own: child.code === region,
    cells: Object.fromEntries(cells.filter((c) => c.child === child.code).map((c) => [c.cell, c.reported])),
  }));
}
