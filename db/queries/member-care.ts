import { type SQL, sql } from "drizzle-orm";
import type { CareFigures, CareUnit, MemberCareView } from "@/lib/api/member-care";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { memberCare as mc, regions } from "../schema";
import { completenessOf } from "./reporting";
import { comparisonRows, scopeCte } from "./rollup";
import { rows } from "./sql";
import { inPeriod, ratio, viewFrame, yearsOf } from "./yearly";

/** An organisation is its name within the region that reported it. */
const UNIT: SQL = sql`(${mc.regionCode} || '|' || ${mc.unit})`;
const SUMS: SQL = sql`count(distinct ${UNIT})::int as units, coalesce(sum(${mc.due}), 0)::int as due,
  coalesce(sum(${mc.celebrated}), 0)::int as celebrated`;

type Row = { units: number; due: number; celebrated: number };

const figuresOf = (row: Row | undefined): CareFigures => {
  const due = Number(row?.due ?? 0);
  const celebrated = Number(row?.celebrated ?? 0);
  return { units: Number(row?.units ?? 0), due, celebrated, coverage: ratio(celebrated, due) };
};

/** The months of a period: every month of its years, or the quarter's three. */
function monthsOf(period: Period): { year: number; month: number }[] {
  const { from, to } = periodYears(period);
  const months: { year: number; month: number }[] = [];
  for (let year = from; year <= to; year++) {
    for (let month = 1; month <= 12; month++) {
      if (period.kind === "quarter" && Math.ceil(month / 3) !== period.quarter) continue;
      months.push({ year, month });
    }
  }
  return months;
}

/**
 * 政治生日 of a region and period: members due and celebrated per child region (本级 first), per
 * month, and per organisation of the region itself, all summed in SQL over the region's part of
 * the tree. Organisations' names are no person's: everyone who reads the figures sees them.
 * Null for an unknown region.
 */
export async function getMemberCare(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<MemberCareView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const frame = await viewFrame(db, mc, filters);
  if (!frame) return null;
  const { path, depth, period } = frame;
  const scope = scopeCte(path.code, depth);
  const shown = inPeriod(mc, period);

  const [perChild, perMonth, units, reports] = await Promise.all([
    rows<Row & { child: string | null }>(
      db,
      sql`with ${scope} select s.child, ${SUMS} from ${mc} join scope s on s.code = ${mc.regionCode}
          where ${shown} group by grouping sets ((s.child), ())`,
    ),
    rows<Row & { year: number; month: number }>(
      db,
      sql`with ${scope} select ${mc.year} as year, ${mc.month} as month, ${SUMS}
          from ${mc} join scope s on s.code = ${mc.regionCode}
          where ${shown} group by ${mc.year}, ${mc.month}`,
    ),
    rows<Row & { region_code: string; unit: string; months: number; activities: string | null } & RegionNames>(
      db,
      sql`select ${mc.regionCode} as region_code, ${mc.unit} as unit, count(*)::int as months, ${SUMS},
            string_agg(${mc.activity}, '、' order by ${mc.year}, ${mc.month}) as activities,
            min(${regions.nameZh}) as name_zh, min(${regions.nameEn}) as name_en
          from ${mc} join ${regions} on ${regions.code} = ${mc.regionCode}
          where ${mc.regionCode} = ${path.code} and ${shown}
          group by ${mc.regionCode}, ${mc.unit}
          order by sum(${mc.due}) desc, ${mc.unit}`,
    ),
    completenessOf(db, path.code, depth, period, ["member_care"]),
  ]);

  const of = (child: string | null) => figuresOf(perChild.find((row) => row.child === child));
  const trend = monthsOf(period).map(({ year, month }) => ({
    year,
    month,
    ...figuresOf(perMonth.find((m) => Number(m.year) === year && Number(m.month) === month)),
  }));
  const byBanner = path.level !== "autonomous_region" && path.level !== "prefecture";
  return {
    region: path,
    period,
    years: frame.years,
    total: of(null),
    own: of(path.code),
    children: byBanner ? [] : comparisonRows(path, frame.children, of, (f) => f.units > 0),
    units: units.map((u): CareUnit => {
      const { units: _, ...figures } = figuresOf(u);
      return {
        regionCode: u.region_code,
        regionName: u.name_zh,
        regionNameEn: u.name_en,
        unit: u.unit,
        months: Number(u.months),
        activities: distinctActivities(u.activities),
        ...figures,
      };
    }),
    trend,
    completeness: { total: reports.total, byChild: Object.fromEntries(reports.byChild) },
  };
}

type RegionNames = { name_zh: string; name_en: string | null };

/** Each activity once, as the organisation first named it (cells may list several, joined by 、). */
function distinctActivities(joined: string | null): string[] {
  return [...new Set((joined ?? "").split("、").map((a) => a.trim()))].filter(Boolean);
}

/** The latest year with 政治生日 figures: the page's default period. */
export async function latestMemberCareYear(db: Db): Promise<number | undefined> {
  return (await yearsOf(db, mc))[0];
}
