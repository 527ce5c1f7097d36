import { type SQL, sql } from "drizzle-orm";
import type { YoungCadreFigures, YoungCadresView } from "@/lib/api/young-cadres";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { youngCadres as y } from "../schema";
import { completenessOf } from "./reporting";
import { comparisonRows, scopeCte } from "./rollup";
import { rows } from "./sql";
import { inPeriod, ratio, viewFrame, yearsOf } from "./yearly";

type Sums = { selected: number; trained: number; frontline: number; promoted: number; u_num: number; u_den: number };

/**
 * The sums of a group of rows. The share under 35 is the regions' shares weighted by those
 * selected, over the regions that reported one: a region without it neither counts as 0% nor
 * dilutes the others.
 */
const SUMS: SQL = sql`coalesce(sum(${y.selected}), 0)::int as selected, coalesce(sum(${y.trained}), 0)::int as trained,
  coalesce(sum(${y.frontline}), 0)::int as frontline, coalesce(sum(${y.promoted}), 0)::int as promoted,
  coalesce(sum(${y.selected} * ${y.under35Share}) filter (where ${y.under35Share} is not null), 0)::float8 as u_num,
  coalesce(sum(${y.selected}) filter (where ${y.under35Share} is not null), 0)::int as u_den`;

const NONE: Sums = { selected: 0, trained: 0, frontline: 0, promoted: 0, u_num: 0, u_den: 0 };

export function youngCadreFigures(s: Sums): YoungCadreFigures {
  const [selected, trained, frontline, promoted] = [s.selected, s.trained, s.frontline, s.promoted].map(Number);
  const share = ratio(Number(s.u_num), Number(s.u_den));
  return {
    selected,
    trained,
    frontline,
    promoted,
    trainedRate: ratio(trained, selected),
    frontlineRate: ratio(frontline, selected),
    promotedRate: ratio(promoted, selected),
    under35Share: share === null ? null : Math.round(share * 10) / 10,
  };
}

/**
 * 雏雁行动 of a region and period: the funnel 入选 → 参训 → 一线锻炼 → 提拔 per child region (本级
 * first), 含下级 and per year, summed in SQL over the region's part of the tree (a figure belongs to
 * the region that reported it and rolls up to the child it lies under). Null for an unknown region.
 */
export async function getYoungCadres(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<YoungCadresView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const frame = await viewFrame(db, y, filters);
  if (!frame) return null;
  const { path, depth, period } = frame;
  const scope = scopeCte(path.code, depth);
  const [perChild, perYear, reports] = await Promise.all([
    rows<Sums & { child: string | null }>(
      db,
      sql`with ${scope}
          select s.child, ${SUMS}
          from ${y} join scope s on s.code = ${y.regionCode}
          where ${inPeriod(y, period)}
          group by grouping sets ((s.child), ())`,
    ),
    rows<Sums & { year: number }>(
      db,
      sql`with ${scope}
          select ${y.year} as year, ${SUMS}
          from ${y} join scope s on s.code = ${y.regionCode}
          group by ${y.year} order by ${y.year}`,
    ),
    completenessOf(db, path.code, depth, period, ["young_cadres"]),
  ]);
  const of = (child: string | null) => youngCadreFigures(perChild.find((r) => r.child === child) ?? NONE);
  return {
    region: path,
    period,
    years: frame.years,
    total: of(null),
    own: of(path.code),
    children: comparisonRows(path, frame.children, of, (f) => f.selected > 0),
    trend: perYear.map((r) => ({ year: Number(r.year), ...youngCadreFigures(r) })),
    completeness: { total: reports.total, byChild: Object.fromEntries(reports.byChild) },
  };
}

/** The latest year with 雏雁行动 figures: the page's default period. */
export async function latestYoungCadreYear(db: Db): Promise<number | undefined> {
  return (await yearsOf(db, y))[0];
}
