import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  IndicatorAcross,
  IndicatorFigure,
  IndicatorPoint,
  IndicatorStatus,
  Scorecard,
} from "@/lib/api/indicators";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { indicators } from "../schema";
import { getRegionPath } from "./regions";
import { childRegionsOf, r } from "./rollup";

const i = alias(indicators, "i");

/** The status rule in SQL. "Close" is within 10% of the target's size. */
const status = sql<IndicatorStatus>`case when ${i.target} is null then 'none'
  when ${i.value} >= ${i.target} then 'met'
  when ${i.value} >= ${i.target} - abs(${i.target}) * 0.1 then 'close'
  else 'missed' end`;

const figureColumns = {
  indicator: i.indicator,
  value: i.value,
  unit: i.unit,
  target: i.target,
  rank: i.rank,
  status,
};

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
  const years = (await db.select({ year: i.year }).from(i).groupBy(i.year).orderBy(desc(i.year))).map((r) => r.year);
  const chosenYear = period?.kind === "range" ? period.to : (period?.year ?? years[0] ?? new Date().getFullYear());
  const ownOrChild = or(eq(r.code, region), eq(r.parentCode, region));
  // No period asked for: the latest year's whole-year figures, or its latest quarter's where the
  // year has none yet (every league reports quarterly; the whole year comes after its end).
  const latestQuarter = period
    ? null
    : await db
        .select({ quarter: sql<number | null>`max(${i.quarter})`, whole: sql<boolean>`bool_or(${i.quarter} is null)` })
        .from(i)
        .innerJoin(r, eq(r.code, i.regionCode))
        .where(and(ownOrChild, eq(i.year, chosenYear)))
        .then(([row]) => (row && !row.whole ? row.quarter : null));
  const q = period?.kind === "quarter" ? period.quarter : latestQuarter;
  const inPeriod = q === null ? isNull(i.quarter) : eq(i.quarter, q);
  const from = `${chosenYear}-01-01`;
  const to = `${chosenYear + 1}-01-01`;

  const [children, periods, acrossRows, trendRows] = await Promise.all([
    childRegionsOf(db, region, { from, until: to }),
    db
      .select({ quarter: i.quarter })
      .from(i)
      .innerJoin(r, eq(r.code, i.regionCode))
      .where(and(ownOrChild, eq(i.year, chosenYear)))
      .groupBy(i.quarter)
      .orderBy(sql`${i.quarter} nulls first`),
    db
      .select({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, ...figureColumns })
      .from(i)
      .innerJoin(r, eq(r.code, i.regionCode))
      .where(and(ownOrChild, eq(i.year, chosenYear), inPeriod))
      .orderBy(i.id),
    // The region's own series of every indicator it reported in the period.
    db
      .select({ indicator: i.indicator, year: i.year, quarter: i.quarter, value: i.value, target: i.target })
      .from(i)
      .where(
        and(
          eq(i.regionCode, region),
          q === null ? isNull(i.quarter) : isNotNull(i.quarter),
          inArray(
            i.indicator,
            db
              .select({ indicator: i.indicator })
              .from(i)
              .where(and(eq(i.regionCode, region), eq(i.year, chosenYear), inPeriod)),
          ),
        ),
      )
      .orderBy(i.indicator, i.year, i.quarter),
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
