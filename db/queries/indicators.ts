import { sql } from "drizzle-orm";
import type { IndicatorAcross, IndicatorFigure, IndicatorPoint, Scorecard } from "@/lib/api/indicators";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { getRegionPath } from "./regions";
import { childRegionsOf } from "./rollup";
import { rows } from "./sql";

/** The status rule in SQL; `i` is the indicators row. "Close" is within 10% of the target's size. */
const status = sql`case when i.target is null then 'none'
  when i.value >= i.target then 'met'
  when i.value >= i.target - abs(i.target) * 0.1 then 'close'
  else 'missed' end`;

const figureColumns = sql`i.indicator, i.value::float8 as value, i.unit, i.target::float8 as target, i.rank, ${status} as status`;

/**
 * 成绩单 of a region for a year (its whole-year figures) or a quarter; absent, the latest year
 * with figures. A growth rate or a rank does not add up, so each figure is shown for the region
 * that reported it; the child regions' figures stand beside it, never summed into it. A range of
 * years is not a period of this dataset (the route refuses it); given one here, its last year is shown.
 */
export async function getScorecard(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<Scorecard | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = (
    await rows<{ year: number }>(db, sql`select year::int as year from indicators group by year order by year desc`)
  ).map((r) => r.year);
  const chosenYear = period?.kind === "range" ? period.to : (period?.year ?? years[0] ?? new Date().getFullYear());
  const q = period?.kind === "quarter" ? period.quarter : null;
  const inPeriod = q === null ? sql`i.quarter is null` : sql`i.quarter = ${q}`;
  const from = `${chosenYear}-01-01`;
  const to = `${chosenYear + 1}-01-01`;

  const [children, periods, acrossRows, trendRows] = await Promise.all([
    childRegionsOf(db, region, { from, until: to }),
    rows<{ quarter: number | null }>(
      db,
      sql`select i.quarter from indicators i join regions r on r.code = i.region_code
          where (r.code = ${region} or r.parent_code = ${region}) and i.year = ${chosenYear}
          group by i.quarter order by i.quarter nulls first`,
    ),
    rows<Omit<IndicatorAcross, "own" | "drillable" | "nameZh" | "nameEn"> & { nameZh: string; nameEn: string | null }>(
      db,
      sql`select r.code, r.name_zh as "nameZh", r.name_en as "nameEn", ${figureColumns}
          from indicators i join regions r on r.code = i.region_code
          where (r.code = ${region} or r.parent_code = ${region}) and i.year = ${chosenYear} and ${inPeriod}
          order by i.id`,
    ),
    rows<IndicatorPoint & { indicator: string }>(
      db,
      sql`select i.indicator, i.year::int as year, i.quarter, i.value::float8 as value, i.target::float8 as target
          from indicators i
          where i.region_code = ${region} and ${q === null ? sql`i.quarter is null` : sql`i.quarter is not null`}
            and i.indicator in (select indicator from indicators i where i.region_code = ${region} and i.year = ${chosenYear} and ${inPeriod})
          order by i.indicator, i.year, i.quarter`,
    ),
  ]);

  const drillable = new Map(children.map((c) => [c.code, c.drillable]));
  const figures: IndicatorFigure[] = [];
  const across: Record<string, IndicatorAcross[]> = {};
  for (const row of acrossRows) {
    const own = row.code === region;
    const list = across[row.indicator] ?? [];
    across[row.indicator] = list;
    list.push({ ...row, own, drillable: !own && (drillable.get(row.code) ?? false) });
    if (own) {
      const { code: _c, nameZh: _z, nameEn: _e, ...figure } = row;
      figures.push(figure);
    }
  }
  // The region's own row first, then its children in code order. Indicators keep the order they were reported in.
  for (const list of Object.values(across)) {
    list.sort((a, b) => Number(b.own) - Number(a.own) || a.code.localeCompare(b.code));
  }
  const trends: Record<string, IndicatorPoint[]> = {};
  for (const { indicator, ...point } of trendRows) trends[indicator] = [...(trends[indicator] ?? []), point];

  return {
    region: path,
    period: q === null ? { kind: "year", year: chosenYear } : { kind: "quarter", year: chosenYear, quarter: q },
    year: chosenYear,
    quarter: q,
    years,
    periods: periods.map((p) => p.quarter),
    figures,
    across,
    children,
    trends,
  };
}
