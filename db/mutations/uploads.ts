import { sql } from "drizzle-orm";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { canUpload, publishesDirectly } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import { DATASETS, type DatasetSpec, writtenColumns } from "@/lib/datasets";
import type { Db, Tx } from "../connect";
import { lockedBatchRows } from "../queries/periods";
import { manageableBatch } from "../queries/scope";
import { rows } from "../queries/sql";
import { writeAudit } from "./audit";
import { writeStaged } from "./datasets";

export type Upload = {
  actor: Viewer;
  source: "web" | "api" | "cli";
  fileName: string;
  fileHash: string;
  ip: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
};

/**
 * Commits an upload's staged rows as one batch, with its audit entry, in the upload's own
 * transaction: server/import/pipeline.ts has staged the file, checked the region of every row
 * and counted the changes under the dataset's lock, and a dry run is this same path rolled back.
 * Returns the batch's id.
 */
export async function commitUpload(tx: Tx, spec: DatasetSpec, upload: Upload): Promise<number> {
  const { actor, ip, ...counts } = upload;
  const { batchId, regions } = await writeStaged(tx, spec, {
    ...counts,
    createdBy: actor.id,
    regionCode: actor.regionCode,
  });
  await writeAudit(tx, {
    actor: actor.id,
    action: "upload.commit",
    ip,
    regionCode: actor.regionCode,
    detail: {
      batchId,
      dataset: spec.id,
      source: upload.source,
      fileName: upload.fileName,
      fileHash: upload.fileHash,
      regions,
      rows: upload.rows,
      inserted: upload.inserted,
      updated: upload.updated,
      unchanged: upload.unchanged,
      // Published without review: the top of the tree, or the operator at the command line.
      review: "none",
    },
  });
  return batchId;
}

/**
 * Undoes a committed batch: deletes the rows it added and restores the values it replaced, in
 * one transaction with its audit entry. Refused when a later upload or correction has changed
 * any of those rows since (undoing would silently throw that later change away). Only whoever may
 * write every region the batch touched may undo it (lib/auth/permissions.ts canManageBatch).
 */
export async function undoBatch(db: Db, viewer: Viewer, id: number, ip: string | null = null) {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  return db.transaction(async (tx) => {
    // A batch that does not exist and one the caller may not manage get the same answer.
    const [batch] = await rows<{ dataset: Dataset; status: string }>(
      tx,
      sql`select b.dataset, b.status from upload_batches b where b.id = ${id} and ${manageableBatch(viewer)} for update of b`,
    );
    if (!batch) throw new NotFound("import.api.batchNotFound", { id });
    if (batch.status !== "committed") throw new RequestRefused(409, "import.api.alreadyUndone");
    // Figures published by a review are taken back by the level that reviewed them (or the top), not by their clerk.
    const [reviewed] = await rows<{ parent: string | null }>(
      tx,
      sql`select r.parent_code as parent from submissions s join regions r on r.code = s.region_code where s.batch_id = ${id}`,
    );
    if (reviewed && !publishesDirectly(viewer) && viewer.regionCode !== reviewed.parent) {
      throw new AccessDenied("review.api.undoAbove");
    }
    const spec = DATASETS[batch.dataset];
    const table = sql.raw(spec.table);
    const written = writtenColumns(spec);

    // A locked period is refused first: reopening it is the way forward, whatever else changed.
    const locked = await lockedBatchRows(tx, spec, id);
    if (locked.n > 0) {
      throw new RequestRefused(409, "import.api.lockedUndo", { count: locked.n, region: locked.lockedBy ?? "" });
    }
    const [conflicts] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from batch_rows b left join ${table} t on t.id = b.row_id
          where b.batch_id = ${id} and b.target = ${spec.table} and (t.id is null or t.batch_id is distinct from ${id})`,
    );
    if (conflicts.n > 0) throw new RequestRefused(409, "import.api.changedSince", { count: conflicts.n });

    const [counts] = await rows<{ deleted: number; restored: number }>(
      tx,
      sql`select count(*) filter (where op = 'insert')::int as deleted, count(*) filter (where op = 'update')::int as restored
          from batch_rows where batch_id = ${id} and target = ${spec.table}`,
    );
    await tx.execute(sql`update ${table} t set
        ${sql.raw(written.map((c) => `${c} = r.${c}`).join(", "))}, batch_id = r.batch_id, updated_at = now()
      from batch_rows b, jsonb_populate_record(null::${table}, b.before) r
      where b.batch_id = ${id} and b.target = ${spec.table} and b.op = 'update' and t.id = b.row_id`);
    await tx.execute(sql`delete from project_stage_events e using batch_rows b
      where b.batch_id = ${id} and b.target = 'project_stage_events' and b.op = 'insert' and e.id = b.row_id`);
    await tx.execute(sql`delete from ${table} t using batch_rows b
      where b.batch_id = ${id} and b.target = ${spec.table} and b.op = 'insert' and t.id = b.row_id`);
    await tx.execute(sql`update upload_batches set status = 'undone', undone_at = now() where id = ${id}`);
    await writeAudit(tx, {
      actor: viewer.id,
      action: "upload.undo",
      ip,
      regionCode: viewer.regionCode,
      detail: { batchId: id, dataset: batch.dataset, ...counts },
    });
    return { batchId: id, ...counts };
  });
}
