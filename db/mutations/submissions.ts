import { sql } from "drizzle-orm";
import type { SubmittedReport } from "@/lib/api/uploads";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import { canReview, canUpload, inScope, submissionScope, type Viewer } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import { DATASETS, type DatasetSpec } from "@/lib/datasets";
import type { Db, Tx } from "../connect";
import { periodColumns } from "../queries/periods";
import { rows } from "../queries/sql";
import { stagedChanges, stagedLocks } from "../queries/staged";
import type { SubmissionStatus } from "../schema";
import { writeAudit } from "./audit";
import { createStage, lockDataset, staged, writeStaged } from "./datasets";
import { noticeOfSubmission } from "./notices";

/**
 * The reporting cycle's review: a clerk's checked rows become a submission of their home region
 * for each period they are in (replacing an open one, which stays as history); the region above
 * approves it, which publishes the rows as one batch exactly as previewed, or returns it with a
 * reason. Every change is one transaction with its audit entry and its notice; the rules are
 * lib/auth/permissions.ts canReview and submissionScope.
 */

export type Submitted = SubmittedReport;

/** How the staged rows (alias `s`) meet their reporting period (alias `p`). */
const periodOfStaged = (spec: DatasetSpec) => {
  const { year, quarter } = periodColumns(spec, "s");
  return sql`p.dataset = ${spec.id} and p.year = ${year} and p.quarter is not distinct from ${quarter}`;
};

/**
 * Whether the department runs the reporting cycle: once any period has been opened, reports of
 * clerks below the top go through review. Before that (history being loaded), they publish.
 */
export async function cycleRunning(tx: Tx): Promise<boolean> {
  const [found] = await rows<{ running: boolean }>(tx, sql`select exists (select 1 from reporting_periods) as running`);
  return found.running;
}

/**
 * Staged rows (alias `s`) in no opened period: while the cycle runs, a clerk's report must belong
 * to a period the region above is waiting for.
 */
export async function unopenedRows(tx: Tx, spec: DatasetSpec, limit: number) {
  const { year, quarter } = periodColumns(spec, "s");
  return rows<{ row: number; year: number; quarter: number | null }>(
    tx,
    sql`select s.row_number as row, ${year} as year, ${quarter} as quarter from ${staged} s
        where not exists (select 1 from reporting_periods p where ${periodOfStaged(spec)})
        order by s.row_number limit ${limit}`,
  );
}

export type SubmissionFile = {
  source: "web" | "api" | "cli";
  fileName: string;
  fileHash: string;
  ip: string | null;
};

/**
 * Turns the staged rows (checked by the pipeline under the dataset's lock) into one submission
 * per period they are in, for the submitter's home region. An open version of the same report
 * is superseded: the new one is what the region above reviews.
 */
export async function submitStaged(tx: Tx, spec: DatasetSpec, actor: Viewer, file: SubmissionFile) {
  const periods = await rows<{ id: number; year: number; quarter: number | null; rows: number; regions: string[] }>(
    tx,
    sql`select p.id, p.year, p.quarter, count(*)::int as rows, array_agg(distinct s.region_code order by s.region_code) as regions
        from ${staged} s join reporting_periods p on ${periodOfStaged(spec)}
        group by p.id, p.year, p.quarter order by p.year, p.quarter`,
  );
  const submitted: Submitted[] = [];
  for (const period of periods) {
    const [replaced] = await rows<{ id: number; status: SubmissionStatus }>(
      tx,
      sql`update submissions set status = 'superseded'
          where dataset = ${spec.id} and period_id = ${period.id} and region_code = ${actor.regionCode}
            and status in ('pending', 'returned')
          returning id, status`,
    );
    const [{ id, version }] = await rows<{ id: number; version: number }>(
      tx,
      sql`insert into submissions (dataset, period_id, region_code, version, source, file_name, file_hash, submitted_by, rows, regions)
          select ${spec.id}, ${period.id}, ${actor.regionCode},
                 coalesce((select max(version) from submissions
                           where dataset = ${spec.id} and period_id = ${period.id} and region_code = ${actor.regionCode}), 0) + 1,
                 ${file.source}, ${file.fileName.slice(0, 255)}, ${file.fileHash}, ${actor.id}, ${period.rows},
                 ${sql.param(period.regions)}::text[]
          returning id, version`,
    );
    await tx.execute(sql`insert into submission_rows (submission_id, row_number, data)
      select ${id}, s.row_number, to_jsonb(s) from ${staged} s join reporting_periods p on ${periodOfStaged(spec)}
      where p.id = ${period.id}`);
    await writeAudit(tx, {
      actor: actor.id,
      action: "submission.submit",
      ip: file.ip,
      regionCode: actor.regionCode,
      detail: {
        submissionId: id,
        dataset: spec.id,
        year: period.year,
        quarter: period.quarter,
        version,
        rows: period.rows,
        source: file.source,
        fileName: file.fileName.slice(0, 255),
        fileHash: file.fileHash,
        ...(replaced ? { replaces: replaced.id, replacedStatus: replaced.status } : {}),
      },
    });
    const entry = { id, dataset: spec.id, year: period.year, quarter: period.quarter, version };
    await noticeOfSubmission(tx, "submitted", { ...entry, periodId: period.id, regionCode: actor.regionCode });
    submitted.push(entry);
  }
  return submitted;
}

/** Stages a submission's rows again, as they were sent: for its review, its approval, a figure added to it. */
export async function stageSubmission(tx: Tx, spec: DatasetSpec, submissionId: number) {
  await createStage(tx, spec);
  await tx.execute(sql`insert into ${staged}
    select (jsonb_populate_record(null::${staged}, r.data)).* from submission_rows r where r.submission_id = ${submissionId}`);
}

type Opened = {
  id: number;
  dataset: Dataset;
  periodId: number;
  year: number;
  quarter: number | null;
  regionCode: string;
  regionName: string;
  regionParent: string | null;
  ancestors: string[];
  version: number;
  status: SubmissionStatus;
  submittedBy: string;
  source: "web" | "api" | "cli";
  fileName: string;
  fileHash: string;
  rows: number;
  reviewerName: string | null;
};

/**
 * A submission taken for review under its dataset's lock and a row lock, so that of two
 * reviewers acting at once one decides and the other is told what happened.
 */
async function openForReview(tx: Tx, viewer: Viewer, id: number): Promise<Opened> {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  const [found] = await rows<{ dataset: Dataset }>(tx, sql`select dataset from submissions where id = ${id}`);
  if (!found) throw new NotFound("review.api.notFound", { id });
  await lockDataset(tx, DATASETS[found.dataset]);
  const [submission] = await rows<Opened>(
    tx,
    sql`select s.id, s.dataset, s.period_id as "periodId", p.year, p.quarter, s.region_code as "regionCode",
               r.name_zh as "regionName", r.parent_code as "regionParent", r.ancestors, s.version, s.status,
               s.submitted_by as "submittedBy", s.source, s.file_name as "fileName", s.file_hash as "fileHash", s.rows,
               u.name as "reviewerName"
        from submissions s join reporting_periods p on p.id = s.period_id join regions r on r.code = s.region_code
          left join users u on u.id = s.reviewed_by
        where s.id = ${id} for update of s`,
  );
  // One the caller may not read and one that does not exist get the same answer.
  if (!inScope(submissionScope(viewer), submission.ancestors)) throw new NotFound("review.api.notFound", { id });
  const target = { regionParent: submission.regionParent, submittedBy: submission.submittedBy };
  if (!canReview(viewer, target)) {
    if (viewer.id === submission.submittedBy) throw new AccessDenied("review.api.ownSubmission");
    throw new AccessDenied("review.api.notReviewer", { region: submission.regionName });
  }
  if (submission.status !== "pending") {
    throw new RequestRefused(409, `review.api.already.${submission.status}`, {
      version: submission.version,
      reviewer: submission.reviewerName ?? "",
    });
  }
  return submission;
}

/**
 * Publishes a submission: its rows are written as one batch (with undo data), exactly the
 * changes the reviewer was shown. `seen` is the fingerprint of that preview (getSubmission); if
 * the published figures moved since, the approval is refused so that the reviewer looks again.
 */
export async function approveSubmission(db: Db, viewer: Viewer, id: number, seen: string, ip: string | null = null) {
  return db.transaction(async (tx) => {
    const submission = await openForReview(tx, viewer, id);
    const spec = DATASETS[submission.dataset];
    await stageSubmission(tx, spec, id);
    const [lock] = await stagedLocks(tx, spec, 1);
    if (lock) throw new RequestRefused(409, "review.api.locked", { region: lock.lockedBy });
    const changes = await stagedChanges(tx, spec);
    if (changes.fingerprint !== seen) throw new RequestRefused(409, "review.api.changedSinceOpened");
    const { batchId, regions } = await writeStaged(tx, spec, {
      source: submission.source,
      fileName: submission.fileName,
      fileHash: submission.fileHash,
      createdBy: submission.submittedBy,
      regionCode: submission.regionCode,
      rows: submission.rows,
      inserted: changes.inserted,
      updated: changes.updated,
      unchanged: changes.unchanged,
      skipped: 0,
    });
    await tx.execute(sql`drop table ${staged}`);
    await tx.execute(sql`update submissions set status = 'approved', reviewed_by = ${viewer.id}, reviewed_at = now(),
      batch_id = ${batchId} where id = ${id}`);
    await writeAudit(tx, {
      actor: viewer.id,
      action: "submission.approve",
      ip,
      regionCode: submission.regionCode,
      detail: {
        submissionId: id,
        batchId,
        dataset: spec.id,
        year: submission.year,
        quarter: submission.quarter,
        version: submission.version,
        regions,
        inserted: changes.inserted,
        updated: changes.updated,
        unchanged: changes.unchanged,
      },
    });
    await noticeOfSubmission(tx, "approved", submission);
    return { id, batchId, inserted: changes.inserted, updated: changes.updated };
  });
}

/** Sends a submission back to its region with the reviewer's reason; nothing is published. */
export async function returnSubmission(db: Db, viewer: Viewer, id: number, reason: string, ip: string | null = null) {
  return db.transaction(async (tx) => {
    const submission = await openForReview(tx, viewer, id);
    await tx.execute(sql`update submissions set status = 'returned', reviewed_by = ${viewer.id}, reviewed_at = now(),
      reason = ${reason} where id = ${id}`);
    await writeAudit(tx, {
      actor: viewer.id,
      action: "submission.return",
      ip,
      regionCode: submission.regionCode,
      detail: {
        submissionId: id,
        dataset: submission.dataset,
        year: submission.year,
        quarter: submission.quarter,
        version: submission.version,
        reason,
      },
    });
    await noticeOfSubmission(tx, "returned", { ...submission, reason });
    return { id, status: "returned" as const };
  });
}
