import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../connect";
import { projects } from "../schema";

/** Runs a raw aggregate and returns its rows (node-postgres and PGlite both answer `{ rows }`). */
export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * How many distinct cadres lead the projects in the group, a cadre being (name, unit) with no
 * unit counted as ''. The pair is one text key, the name's length first so that it stays
 * unambiguous ('ab' + 'c' ≠ 'a' + 'bc'), compared byte by byte (collate "C"): equality is the same
 * as the pair's in any deterministic collation, and it sorts several times faster than (name, unit)
 * records do, which matters for a year of a whole region (10,000 projects).
 * `p` is the projects table or an alias of it.
 */
export function distinctCadres(p: { leadCadre: AnyPgColumn; cadreUnit: AnyPgColumn } = projects): SQL {
  return sql`count(distinct (length(${p.leadCadre}) || ':' || ${p.leadCadre} || coalesce(${p.cadreUnit}, '')) collate "C")`;
}

/** `sum(column)::int` of a count column, as a number (null over no rows, as in SQL). */
export const sumInt = (column: AnyPgColumn) => sql<number>`sum(${column})::int`.mapWith(Number);
