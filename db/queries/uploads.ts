import { sql } from "drizzle-orm";
import { AccessDenied, NotFound } from "@/lib/auth/errors";
import { canManageBatch, canUpload, type Principal } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import type { Db } from "../connect";
import { rows } from "./sql";

export type BatchSummary = {
  id: number;
  dataset: Dataset;
  source: string;
  fileName: string;
  fileHash: string;
  createdBy: string;
  username: string | null;
  regionCode: string | null;
  regionName: string | null;
  createdAt: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  status: "committed" | "undone";
  undoneAt: string | null;
};

export const BATCHES_PAGE_SIZE = 50;

/** Who may see which batches: admins all, a clerk those uploaded inside their home region. */
const visibleTo = (viewer: Principal) =>
  viewer.role === "admin" ? sql`true` : sql`r.ancestors @> array[${viewer.regionCode}]::text[]`;

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
      sql`select ${summary} ${from} where ${visibleTo(viewer)}
          order by b.id desc limit ${BATCHES_PAGE_SIZE} offset ${(page - 1) * BATCHES_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(db, sql`select count(*)::int as total ${from} where ${visibleTo(viewer)}`),
  ]);
  return { rows: list, total: count.total };
}

export type BatchRow = {
  op: "insert" | "update";
  before: Record<string, unknown> | null;
  /** The row as it is now (null once deleted by an undo). */
  current: Record<string, unknown> | null;
};

/** One batch and the rows it inserted or changed (with their values before). */
export async function getBatch(db: Db, viewer: Principal, id: number, { page }: { page: number }) {
  const [batch] = await rows<BatchSummary & { ancestors: string[] | null; target: string }>(
    db,
    sql`select ${summary}, r.ancestors,
          case b.dataset when 'arena' then 'arena_entries' else b.dataset::text end as target
        ${from} where b.id = ${id}`,
  );
  if (!batch) throw new NotFound("import.api.batchNotFound", { id });
  if (!canManageBatch(viewer, batch.ancestors ?? [])) throw new AccessDenied("forbidden");
  const table = sql.raw(batch.target);
  const [list, [count]] = await Promise.all([
    rows<BatchRow>(
      db,
      sql`select b.op, b.before - 'batch_id' as before,
                 to_jsonb(t) - 'id' - 'batch_id' - 'updated_at' as current
          from batch_rows b left join ${table} t on t.id = b.row_id
          where b.batch_id = ${id} and b.target = ${batch.target}
          order by b.id limit ${BATCHES_PAGE_SIZE} offset ${(page - 1) * BATCHES_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from batch_rows where batch_id = ${id} and target = ${batch.target}`,
    ),
  ]);
  const { ancestors: _a, target: _t, ...rest } = batch;
  return { batch: rest, rows: list, total: count.total };
}
