import { type SQL, sql } from "drizzle-orm";
import type { BatchRow, BatchSummary } from "@/lib/api/uploads";
import { AccessDenied, NotFound } from "@/lib/auth/errors";
import { canUpload, type Principal } from "@/lib/auth/permissions";
import { isPersonnelDataset } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import type { Db } from "../connect";
import { recordPersonnelView } from "../mutations/audit";
import { manageableBatch, namesVisibleIn } from "./scope";
import { rows } from "./sql";

export const BATCHES_PAGE_SIZE = 50;

const summary = sql`b.id, b.dataset, b.source, b.file_name as "fileName", b.file_hash as "fileHash",
  b.created_by as "createdBy", u.username, b.region_code as "regionCode", r.name_zh as "regionName",
  to_char(b.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as "createdAt",
  b.rows, b.inserted, b.updated, b.unchanged, b.skipped, b.status,
  to_char(b.undone_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as "undoneAt"`;
const from = sql`from upload_batches b left join users u on u.id = b.created_by left join regions r on r.code = b.region_code`;

export async function listBatches(db: Db, viewer: Principal, { page }: { page: number }) {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  const [list, [count]] = await Promise.all([
    rows<BatchSummary>(
      db,
      sql`select ${summary} ${from} where ${manageableBatch(viewer)}
          order by b.id desc limit ${BATCHES_PAGE_SIZE} offset ${(page - 1) * BATCHES_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(db, sql`select count(*)::int as total ${from} where ${manageableBatch(viewer)}`),
  ]);
  return { rows: list, total: count.total };
}

/**
 * One batch and the rows it inserted or changed (with their values before). A batch that does
 * not exist and one the caller may not manage get the same answer, so ids reveal nothing. Names
 * of people show only where the caller may see them: by the region a row is in now, and by the
 * region it was in before the batch changed it.
 */
export async function getBatch(db: Db, viewer: Principal & { id: string }, id: number, { page }: { page: number }) {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  const [batch] = await rows<BatchSummary>(
    db,
    sql`select ${summary} ${from} where b.id = ${id} and ${manageableBatch(viewer)}`,
  );
  if (!batch) throw new NotFound("import.api.batchNotFound", { id });
  const spec = DATASETS[batch.dataset];
  const table = sql.raw(spec.table);
  const personal = spec.columns.filter((c) => c.personal).map((c) => c.db);
  // jsonb minus the personal keys, plus each of them as null: the row keeps its shape.
  const blank = (json: SQL) =>
    personal.length === 0
      ? json
      : sql`(${json} - ${sql.param(personal)}::text[]) || ${JSON.stringify(Object.fromEntries(personal.map((c) => [c, null])))}::jsonb`;
  const current = sql`to_jsonb(t) - 'id' - 'batch_id' - 'updated_at'`;
  const before = sql`b.before - 'batch_id'`;
  const [list, [count]] = await Promise.all([
    rows<BatchRow>(
      db,
      sql`select b.op,
                 case when b.before is null then null
                      when ${namesVisibleIn(batch.dataset, viewer, sql`coalesce(rb.ancestors, rc.ancestors)`)} then ${before}
                      else ${blank(before)} end as before,
                 case when t.id is null then null
                      when ${namesVisibleIn(batch.dataset, viewer, sql`rc.ancestors`)} then ${current}
                      else ${blank(current)} end as current
          from batch_rows b left join ${table} t on t.id = b.row_id
            left join regions rc on rc.code = t.region_code
            left join regions rb on rb.code = b.before->>'region_code'
          where b.batch_id = ${id} and b.target = ${spec.table}
          order by b.id limit ${BATCHES_PAGE_SIZE} offset ${(page - 1) * BATCHES_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from batch_rows where batch_id = ${id} and target = ${spec.table}`,
    ),
  ]);
  if (isPersonnelDataset(batch.dataset)) {
    await recordPersonnelView(db, viewer, {
      dataset: batch.dataset,
      door: "batch",
      subjects: list.map((row) => {
        const shown = (row.current ?? row.before ?? {}) as Record<string, unknown>;
        return shown.cadre ? `${shown.cadre} · ${shown.unit}` : null;
      }),
    });
  }
  return { batch, rows: list, total: count.total };
}
