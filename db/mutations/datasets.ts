import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Dataset, ProjectStage } from "@/lib/contract";
import { type ColumnType, columnType, DATASETS, type DatasetSpec, writtenColumns } from "@/lib/datasets";
import type { Tx } from "../connect";
import { rows } from "../queries/sql";
import {
  adjustments,
  applications,
  arenaEntries,
  challenges,
  evaluations,
  indicators,
  jobFit,
  memberCare,
  type NewUploadBatch,
  organisations,
  projectEvaluations,
  projectIssues,
  projects,
  promotions,
  routineAssessments,
  selections,
  uploadBatches,
  youngCadres,
} from "../schema";

/**
 * Every write of a dataset's rows, whoever writes them (an upload, the figure form, the demo): the
 * rows are staged in a temporary table of the dataset's columns (lib/datasets.ts), then merged into
 * its table by the natural key in a few statements, whatever their number. A batch remembers what
 * it did to each row (batch_rows), so that db/mutations/uploads.ts can undo it.
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

/** The unique constraint of a dataset's natural key (db/schema), the same columns as spec.key. */
export const naturalKey = (spec: DatasetSpec) => `${spec.table}_natural_key`;

/** The staged row differs from the stored one in a written column. */
export const changedCondition = (spec: DatasetSpec) => {
  const written = writtenColumns(spec);
  return sql.raw(
    `(${written.map((c) => `t.${c}`).join(", ")}) is distinct from (${written.map((c) => `s.${c}::${columnType(spec, c)}`).join(", ")})`,
  );
};

/** A batch as its writer describes it; its dataset and the regions it touches come from the write. */
export type NewBatch = Omit<NewUploadBatch, "id" | "dataset" | "regions" | "createdAt" | "status" | "undoneAt">;

/** What a write did: the batch it recorded (none without one) and the regions that batch touches. */
export type Written<B extends NewBatch | null> = { batchId: B extends null ? null : number; regions: string[] };

/** The day a project reached a stage, where the writer knows it (the demo's history). */
export type StageDay = { code: string; stage: ProjectStage; reachedOn: string };

/**
 * Merges the staged rows into the dataset's table by the natural key. In a batch, rows that differ
 * are updated and new ones inserted, the batch is recorded with every region it touches (of the
 * rows it adds or changes, and those changed rows held before), what it did to each row is kept
 * for undo, and a project's new stages get their day. Without a batch (a figure entered by hand)
 * every staged row is written, changed or not, and belongs to no batch afterwards: undoing the
 * batch that wrote it before must then refuse rather than take back a figure a person confirmed.
 */
export async function writeStaged<B extends NewBatch | null>(
  tx: Tx,
  spec: DatasetSpec,
  batch: B,
  { stageDays = [] }: { stageDays?: StageDay[] } = {},
): Promise<Written<B>> {
  // A project's stage history is recorded per batch and undone with it: no project is written outside one.
  if (spec.id === "projects" && !batch) throw new Error("Projects are written in a batch");
  const table = sql.raw(spec.table);
  const changed = changedCondition(spec);
  const written = writtenColumns(spec);
  const cast = (c: string) => `s.${c}::${columnType(spec, c)}`;
  let batchId: number | null = null;
  let regions: string[] = [];
  if (batch) {
    [{ regions }] = await rows<{ regions: string[] }>(
      tx,
      sql`select coalesce(array_agg(distinct code order by code), '{}') as regions from (
            select s.region_code as code from ${staged} s left join ${table} t on ${joinOnKey(spec)}
            where t.id is null or ${changed}
            union
            select t.region_code from ${staged} s join ${table} t on ${joinOnKey(spec)} where ${changed}) touched`,
    );
    [{ batchId }] = await tx
      .insert(uploadBatches)
      .values({ ...batch, dataset: spec.id, regions })
      .returning({ batchId: uploadBatches.id });
    const beforeJson = sql.raw(
      `jsonb_build_object(${[...written, "batch_id"].map((c) => `'${c}', t.${c}`).join(", ")})`,
    );
    // Remember what each changed row held, then change it.
    await tx.execute(sql`insert into batch_rows (batch_id, target, row_id, op, before)
      select ${batchId}, ${spec.table}, t.id, 'update', ${beforeJson}
      from ${staged} s join ${table} t on ${joinOnKey(spec)} where ${changed}`);
  }
  await tx.execute(sql`update ${table} t set ${sql.raw(written.map((c) => `${c} = ${cast(c)}`).join(", "))},
      batch_id = ${batchId}::integer, updated_at = now()
    from ${staged} s where ${joinOnKey(spec)}${batch ? sql` and ${changed}` : sql``}`);
  // New rows: the stored ones were just updated, and the insert skips them by the natural key's own
  // unique index. Not an anti-join: under one (year, region) its plan could probe an index that also
  // holds the rows this statement inserts, a probe per row growing with every row before it.
  const insertColumns = [...spec.key, ...written.filter((c) => !spec.key.includes(c))];
  const insert = sql`insert into ${table} (${sql.raw(insertColumns.join(", "))}, batch_id)
    select ${sql.raw(insertColumns.map(cast).join(", "))}, ${batchId}::integer from ${staged} s
    on conflict on constraint ${sql.raw(naturalKey(spec))} do nothing`;
  if (batchId === null) await tx.execute(insert);
  else {
    await tx.execute(sql`with added as (${insert} returning id)
      insert into batch_rows (batch_id, target, row_id, op) select ${batchId}, ${spec.table}, id, 'insert' from added`);
  }
  if (spec.id === "projects" && batchId !== null) await recordStages(tx, batchId, stageDays);
  return { batchId, regions } as Written<B>;
}

/**
 * A project's stage history: each stage up to the current one gets the day it was first seen, unless
 * the writer knows it (揭榜 is the day taken; later stages the day of the upload that first reported them).
 */
async function recordStages(tx: Tx, batchId: number, known: StageDay[]) {
  const codes = sql`${sql.param(known.map((k) => k.code))}::text[]`;
  const stages = sql`${sql.param(known.map((k) => k.stage))}::text[]`;
  const days = sql`${sql.param(known.map((k) => k.reachedOn))}::date[]`;
  await tx.execute(sql`with known as (
      select code, stage::project_stage, reached_on from unnest(${codes}, ${stages}, ${days}) as k(code, stage, reached_on)),
    added as (
      insert into project_stage_events (project_id, stage, reached_on)
      select p.id, s.stage,
             coalesce(k.reached_on, case when s.stage = '已揭榜' then p.taken_on else greatest(p.taken_on, current_date) end)
      from projects p cross join unnest(enum_range(null::project_stage)) as s(stage)
        left join known k on k.code = p.code and k.stage = s.stage
      where p.batch_id = ${batchId} and s.stage <= p.stage
        and not exists (select 1 from project_stage_events e where e.project_id = p.id and e.stage = s.stage)
      returning id)
    insert into batch_rows (batch_id, target, row_id, op) select ${batchId}, 'project_stage_events', id, 'insert' from added`);
}

/** The table of each dataset, for rows written from memory. */
const TABLES = {
  promotions,
  arena: arenaEntries,
  projects,
  adjustments,
  indicators,
  evaluations,
  job_fit: jobFit,
  young_cadres: youngCadres,
  selections,
  routine_assessments: routineAssessments,
  member_care: memberCare,
  organisations,
  challenges,
  applications,
  project_issues: projectIssues,
  project_evaluations: projectEvaluations,
} satisfies Record<Dataset, PgTable>;

/** A row of a dataset as its table's insert type has it. */
export type DatasetRow<D extends Dataset> = (typeof TABLES)[D]["$inferInsert"];

/** Per database column of the table, the property a row of it keeps the value in (region_code → regionCode). */
function propertiesOf(dataset: Dataset): (row: Record<string, unknown>, column: string) => unknown {
  const properties = new Map(Object.entries(getTableColumns(TABLES[dataset])).map(([key, c]) => [c.name, key]));
  return (row, column) => {
    const property = properties.get(column);
    if (!property) throw new Error(`${dataset}: the table has no column ${column}`);
    return row[property] ?? null;
  };
}

/** Adds rows held in memory to the stage, numbered on from `after`. */
export async function stageRows<D extends Dataset>(tx: Tx, dataset: D, list: DatasetRow<D>[], after = 0) {
  const spec = DATASETS[dataset];
  const value = propertiesOf(dataset);
  for (let start = 0; start < list.length; start += STAGE_CHUNK) {
    const chunk = list.slice(start, start + STAGE_CHUNK) as Record<string, unknown>[];
    await stageColumns(tx, spec, {
      rowNumbers: chunk.map((_, i) => after + start + i + 1),
      regionCodes: chunk.map((row) => value(row, "region_code") as string),
      values: spec.columns.map((c) => chunk.map((row) => value(row, c.db))),
    });
  }
}

/**
 * Writes rows held in memory (a figure entered by hand, the demo) the way an upload writes its
 * file's: staged, then merged by writeStaged. The stage is dropped afterwards, so that one
 * transaction can write several datasets.
 */
export async function writeRows<D extends Dataset, B extends NewBatch | null>(
  tx: Tx,
  dataset: D,
  list: DatasetRow<D>[],
  batch: B,
  options: { stageDays?: StageDay[] } = {},
): Promise<Written<B>> {
  const spec = DATASETS[dataset];
  await lockDataset(tx, spec);
  await createStage(tx, spec);
  await stageRows(tx, dataset, list);
  const written = await writeStaged(tx, spec, batch, options);
  await tx.execute(sql`drop table ${staged}`);
  return written;
}
