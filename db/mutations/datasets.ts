import { sql } from "drizzle-orm";
import { type ColumnType, columnType, type DatasetSpec, writtenColumns } from "@/lib/datasets";
import type { Tx } from "../connect";
import { rows } from "../queries/sql";
import { type NewUploadBatch, uploadBatches } from "../schema";

/**
 * Writing a dataset's rows: they are staged in a temporary table of the dataset's columns
 * (lib/datasets.ts), then merged into its table by the natural key in a few statements, whatever
 * their number. A batch remembers what it did to each row (batch_rows), so that
 * db/mutations/uploads.ts can undo it.
 */

/** The staged rows: a temporary table, alias `s` where it meets the dataset's table (alias `t`). */
export const staged = sql.raw("staged_rows");

/** Rows staged per statement: one array parameter per column, so never near Postgres' 65,535 parameters. */
export const STAGE_CHUNK = 5_000;

/**
 * A staged column has the column's type with two exceptions: a decimal keeps every digit it was
 * given (an upload's preview shows what the file says; the column's rounding applies where rows are
 * compared and written), and an enumeration is text, since the embedded database sends an array
 * parameter only of a type it knows.
 */
function stagingType(type: ColumnType): string {
  if (type.startsWith("numeric(")) return "numeric";
  return ["smallint", "integer", "date"].includes(type) ? type : "text";
}

/** The staging table's columns: the row's number (an upload's Excel row), its region, then the dataset's. */
function stagingColumns(spec: DatasetSpec): { name: string; type: string }[] {
  return [
    { name: "row_number", type: "integer" },
    { name: "region_code", type: "text" },
    ...spec.columns.map((c) => ({ name: c.db, type: stagingType(c.type) })),
  ];
}

/** Rows to stage, column by column: `values` holds one array per column of the dataset, in its order. */
export type StagedColumns = { rowNumbers: number[]; regionCodes: (string | null)[]; values: unknown[][] };

export const emptyColumns = (spec: DatasetSpec): StagedColumns => ({
  rowNumbers: [],
  regionCodes: [],
  values: spec.columns.map(() => []),
});

export async function createStage(tx: Tx, spec: DatasetSpec) {
  const columns = stagingColumns(spec).map((c) => `${c.name} ${c.type}`);
  await tx.execute(sql`create temp table ${staged} (${sql.raw(columns.join(", "))}) on commit drop`);
}

export async function stageColumns(tx: Tx, spec: DatasetSpec, { rowNumbers, regionCodes, values }: StagedColumns) {
  const columns = [rowNumbers, regionCodes, ...values];
  const arrays = stagingColumns(spec).map((c, i) => sql`${sql.param(columns[i])}::${sql.raw(c.type)}[]`);
  await tx.execute(sql`insert into ${staged} select * from unnest(${sql.join(arrays, sql`, `)})`);
}

/** Temporary tables are never analysed by autovacuum: without statistics, a large stage is planned blind. */
export async function analyzeStage(tx: Tx) {
  await tx.execute(sql`analyze ${staged}`);
}

/**
 * Writes of one dataset happen one after another (an upload's checks included, which take this
 * lock before they look), so that each sees the rows as they are.
 */
export async function lockDataset(tx: Tx, spec: DatasetSpec) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dataset:${spec.id}`}))`);
}

/** A staged row `s` and the stored row `t` with the same natural key. */
export const joinOnKey = (spec: DatasetSpec) =>
  sql.raw(
    spec.key
      // A blank quarter (a whole-year indicator) matches a blank one; elsewhere plain equality keeps the index usable.
      .map((k) =>
        spec.columns.find((c) => c.db === k)?.required === false
          ? `t.${k} is not distinct from s.${k}`
          : `t.${k} = s.${k}::${columnType(spec, k)}`,
      )
      .join(" and "),
  );

/** The staged row differs from the stored one in a written column. */
export const changedCondition = (spec: DatasetSpec) => {
  const written = writtenColumns(spec);
  return sql.raw(
    `(${written.map((c) => `t.${c}`).join(", ")}) is distinct from (${written.map((c) => `s.${c}::${columnType(spec, c)}`).join(", ")})`,
  );
};

/** A batch as its writer describes it; its dataset and the regions it touches come from the write. */
export type NewBatch = Omit<NewUploadBatch, "id" | "dataset" | "regions" | "createdAt" | "status" | "undoneAt">;

/**
 * Merges the staged rows into the dataset's table by the natural key: rows that differ are updated
 * and new ones inserted. The batch is recorded with every region it touches (of the rows it adds or
 * changes, and those changed rows held before), what it did to each row is kept for undo, and a
 * project's new stages get their day.
 */
export async function writeStaged(
  tx: Tx,
  spec: DatasetSpec,
  batch: NewBatch,
): Promise<{ batchId: number; regions: string[] }> {
  const table = sql.raw(spec.table);
  const changed = changedCondition(spec);
  const [{ regions }] = await rows<{ regions: string[] }>(
    tx,
    sql`select coalesce(array_agg(distinct code order by code), '{}') as regions from (
          select s.region_code as code from ${staged} s left join ${table} t on ${joinOnKey(spec)}
          where t.id is null or ${changed}
          union
          select t.region_code from ${staged} s join ${table} t on ${joinOnKey(spec)} where ${changed}) touched`,
  );
  const [{ batchId }] = await tx
    .insert(uploadBatches)
    .values({ ...batch, dataset: spec.id, regions })
    .returning({ batchId: uploadBatches.id });
  const written = writtenColumns(spec);
  const cast = (c: string) => `s.${c}::${columnType(spec, c)}`;
  const beforeJson = sql.raw(`jsonb_build_object(${[...written, "batch_id"].map((c) => `'${c}', t.${c}`).join(", ")})`);

  // Remember what each changed row held, then change it.
  await tx.execute(sql`insert into batch_rows (batch_id, target, row_id, op, before)
    select ${batchId}, ${spec.table}, t.id, 'update', ${beforeJson}
    from ${staged} s join ${table} t on ${joinOnKey(spec)} where ${changed}`);
  await tx.execute(sql`update ${table} t set ${sql.raw(written.map((c) => `${c} = ${cast(c)}`).join(", "))},
      batch_id = ${batchId}, updated_at = now()
    from ${staged} s where ${joinOnKey(spec)} and ${changed}`);
  // New rows.
  const insertColumns = [...spec.key, ...written.filter((c) => !spec.key.includes(c))];
  await tx.execute(sql`with added as (
      insert into ${table} (${sql.raw(insertColumns.join(", "))}, batch_id)
      select ${sql.raw(insertColumns.map(cast).join(", "))}, ${batchId}
      from ${staged} s where not exists (select 1 from ${table} t where ${joinOnKey(spec)})
      returning id)
    insert into batch_rows (batch_id, target, row_id, op) select ${batchId}, ${spec.table}, id, 'insert' from added`);
  if (spec.id === "projects") await recordStages(tx, batchId);
  return { batchId, regions };
}

/**
 * A project's stage history: each stage up to the current one gets the day it was first seen
 * (揭榜 is the day taken; later stages the day of the upload that first reported them).
 */
async function recordStages(tx: Tx, batchId: number) {
  await tx.execute(sql`with added as (
      insert into project_stage_events (project_id, stage, reached_on)
      select p.id, s.stage, case when s.stage = '已揭榜' then p.taken_on else greatest(p.taken_on, current_date) end
      from projects p cross join unnest(enum_range(null::project_stage)) as s(stage)
      where p.batch_id = ${batchId} and s.stage <= p.stage
        and not exists (select 1 from project_stage_events e where e.project_id = p.id and e.stage = s.stage)
      returning id)
    insert into batch_rows (batch_id, target, row_id, op) select ${batchId}, 'project_stage_events', id, 'insert' from added`);
}
