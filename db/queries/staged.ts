import { sql } from "drizzle-orm";
import { changedCondition, joinOnKey, staged } from "@/db/mutations/datasets";
import type { DatasetSpec } from "@/lib/datasets";
import type { Tx } from "../connect";
import { coveringLock, periodColumns } from "./periods";
import { rows } from "./sql";

/**
 * What the staged rows (db/mutations/datasets.ts; alias `s`) would do to the dataset's table
 * (alias `t`): shared by an upload's checks and preview and by a submission's review and approval.
 */

/**
 * Staged rows that would add or change a figure of a locked period, with who locked it (rows
 * that leave a figure as it is pass: re-sending a whole file is common).
 */
export async function stagedLocks(tx: Tx, spec: DatasetSpec, limit: number) {
  const { year, quarter } = periodColumns(spec, "s");
  return rows<{ row: number; lockedBy: string; year: number; quarter: number | null }>(
    tx,
    sql`select s.row_number as row, k."lockedBy", k.year, k.quarter
        from ${staged} s left join ${sql.raw(spec.table)} t on ${joinOnKey(spec)}
        cross join lateral (${coveringLock(spec.id, sql.raw("s.region_code"), year, quarter)}) k
        where t.id is null or ${changedCondition(spec)}
        order by s.row_number limit ${limit}`,
  );
}

/**
 * How many staged rows are new, changed and unchanged, and a fingerprint of the new and changed
 * ones with the stored rows they replace: it differs as soon as either side does, so that an
 * approval can insist on publishing exactly what was previewed.
 */
export async function stagedChanges(tx: Tx, spec: DatasetSpec) {
  const changed = changedCondition(spec);
  const [counts] = await rows<{ inserted: number; updated: number; unchanged: number; fingerprint: string }>(
    tx,
    sql`select count(*) filter (where t.id is null)::int as inserted,
               count(*) filter (where t.id is not null and ${changed})::int as updated,
               count(*) filter (where t.id is not null and not ${changed})::int as unchanged,
               md5(coalesce(string_agg(s::text || '→' || coalesce(t::text, ''), '|' order by s.row_number)
                 filter (where t.id is null or ${changed}), '')) as fingerprint
        from ${staged} s left join ${sql.raw(spec.table)} t on ${joinOnKey(spec)}`,
  );
  return counts;
}
