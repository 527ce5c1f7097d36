import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { HiddenReason } from "@/lib/api/evaluations";
import { type Principal, personnelScope } from "@/lib/auth/permissions";
import { MIN_GROUP } from "@/lib/contract";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import type { evaluations, jobFit } from "../schema";
import { rows } from "./sql";

/*
 * What the two named personnel datasets (五看一测, 适岗指数) share: their periods (a year or a
 * range of years), the suppression of small groups, and the reason a list leaves records out.
 */

/** The year column within the period (the datasets answer a year or a range of years). */
export function yearsIn(year: AnyPgColumn, period: Period): SQL {
  if (period.kind === "range") return sql`${year} between ${period.from} and ${period.to}`;
  return sql`${year} = ${period.year}`;
}

/** Years with any record of the table, newest first. */
export async function yearsOf(db: Db, table: typeof evaluations | typeof jobFit): Promise<number[]> {
  const list = await rows<{ year: number }>(db, sql`select distinct ${table.year} as year from ${table}`);
  return list.map((r) => Number(r.year)).sort((a, b) => b - a);
}

/** Distinct cadres of the group, a cadre being (name, unit): what the suppression counts. */
export const peopleIn = (t: { cadre: AnyPgColumn; unit: AnyPgColumn }): SQL =>
  sql`count(distinct (${t.cadre}, ${t.unit}))::int`;

/**
 * An aggregate of the group, or null when the group holds fewer than MIN_GROUP people: a mean or
 * a distribution of one or two people is their own result. Decided in SQL, so no caller can
 * forget it.
 */
export const unlessSmall = (people: SQL, value: SQL): SQL => sql`case when ${people} >= ${MIN_GROUP} then ${value} end`;

/** `count(*) filter (where column = value)` for each value, as `<prefix><i>`, each unless small. */
export function countsBy(people: SQL, column: AnyPgColumn, values: readonly string[], prefix: string): SQL {
  return sql.join(
    values.map(
      (value, i) =>
        sql`${unlessSmall(people, sql`count(*) filter (where ${column} = ${value})`)}::int as ${sql.identifier(`${prefix}${i}`)}`,
    ),
    sql`, `,
  );
}

/** The `<prefix><i>` columns back as a record by value; null when the group was suppressed. */
export function recordOf<K extends string>(row: Record<string, unknown>, values: readonly K[], prefix: string) {
  if (row[`${prefix}0`] === null || row[`${prefix}0`] === undefined) return null;
  return Object.fromEntries(values.map((v, i) => [v, Number(row[`${prefix}${i}`])])) as Record<K, number>;
}

/** Why records of a list are not shown to the viewer by name. */
export function hiddenReasonOf(viewer: Principal): HiddenReason {
  return personnelScope(viewer) === "none" ? "permission" : "scope";
}
