import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { RegionPath } from "@/lib/types";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { getRegionPath } from "./regions";
import { childRegionsOf } from "./rollup";
import { rows } from "./sql";

/*
 * The frame of a development dataset's view (雏雁行动, 好班子好干部, 平时考核): the region's path, the
 * years the dataset has figures for, the period shown (the one asked for, or the dataset's latest
 * year) and the regions it is compared by. The sums themselves are each dataset's own.
 */

type YearTable = PgTable & { year: AnyPgColumn; quarter?: AnyPgColumn };

/** The years a table has figures for, newest first (the period picker offers these). */
export async function yearsOf(db: Db, table: YearTable): Promise<number[]> {
  const list = await rows<{ year: number }>(
    db,
    sql`select distinct ${table.year} as year from ${table} order by 1 desc`,
  );
  return list.map((r) => Number(r.year));
}

/** A figure of the table lies within the period (a quarter only for a table that has quarters). */
export function inPeriod(table: YearTable, period: Period): SQL {
  if (period.kind === "range") return sql`${table.year} between ${period.from} and ${period.to}`;
  if (period.kind === "quarter" && table.quarter)
    return sql`${table.year} = ${period.year} and ${table.quarter} = ${period.quarter}`;
  return sql`${table.year} = ${period.year}`;
}

export type ViewFrame = {
  path: RegionPath;
  depth: number;
  years: number[];
  period: Period;
  children: Awaited<ReturnType<typeof childRegionsOf>>;
};

/** Null for an unknown region. */
export async function viewFrame(
  db: Db,
  table: YearTable,
  { region, period }: { region: string; period?: Period },
): Promise<ViewFrame | null> {
  const [path, years] = await Promise.all([getRegionPath(db, region), yearsOf(db, table)]);
  if (!path) return null;
  const shown: Period = period ?? { kind: "year", year: years[0] ?? new Date().getFullYear() };
  const { from, to } = periodYears(shown);
  const children = await childRegionsOf(db, region, { from: `${from}-01-01`, until: `${to + 1}-01-01` });
  return { path, depth: path.path.length, years, period: shown, children };
}

/** A share, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
