import { type SQL, sql } from "drizzle-orm";
import type { SubmissionSummary } from "@/lib/api/submissions";
import { AccessDenied, NotFound } from "@/lib/auth/errors";
import { canReview, canUpload, publishesDirectly, submissionScope, type Viewer } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { inScopeSql } from "./scope";
import { rows } from "./sql";

/** How many recent reports the review page lists besides the queue. */
export const RECENT_SUBMISSIONS = 100;

const summary = sql`s.id, s.dataset, p.year, p.quarter, s.region_code as "regionCode", r.name_zh as "regionName",
  r.name_en as "regionNameEn", r.parent_code as "regionParent", s.version, s.status, s.submitted_by as "submittedBy",
  coalesce(su.name, s.submitted_by) as "submittedByName",
  to_char(s.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "submittedAt",
  s.file_name as "fileName", s.rows, ru.name as "reviewerName",
  to_char(s.reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "reviewedAt", s.reason,
  s.batch_id as "batchId", s.period_id as "periodId"`;
const from = sql`from submissions s join reporting_periods p on p.id = s.period_id join regions r on r.code = s.region_code
  left join users su on su.id = s.submitted_by left join users ru on ru.id = s.reviewed_by`;

type Found = SubmissionSummary & { regionParent: string | null; submittedBy: string; periodId: number };

const summarise =
  (viewer: Viewer) =>
  ({ regionParent, submittedBy, periodId, ...s }: Found): SubmissionSummary => ({
    ...s,
    canReview: s.status === "pending" && canReview(viewer, { regionParent, submittedBy }),
  });

/** Submissions (alias `s`, region `r`) the caller may read: lib/auth/permissions.ts submissionScope. */
const readable = (viewer: Viewer): SQL => inScopeSql(submissionScope(viewer), sql`r.ancestors`);

/**
 * The review page: the reports waiting for the caller's review (their home region is the
 * reporting region's parent; their own excepted), and the recent versions they may read.
 */
export async function listSubmissions(db: Db, viewer: Viewer) {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  const [queue, recent] = await Promise.all([
    rows<Found>(
      db,
      sql`select ${summary} ${from}
          where s.status = 'pending' and r.parent_code = ${viewer.regionCode} and s.submitted_by <> ${viewer.id}
          order by s.submitted_at`,
    ),
    rows<Found>(
      db,
      sql`select ${summary} ${from} where ${readable(viewer)} and s.status <> 'superseded'
          order by s.submitted_at desc, s.id desc limit ${RECENT_SUBMISSIONS}`,
    ),
  ]);
  const toSummary = summarise(viewer);
  return { queue: queue.filter((s) => canReview(viewer, s)).map(toSummary), recent: recent.map(toSummary) };
}

/**
 * One submission and every version of the same report, or NotFound for one the caller may not
 * read (the same answer as for an id that does not exist).
 */
export async function submissionVersions(db: Db, viewer: Viewer, id: number) {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  const [found] = await rows<Found>(db, sql`select ${summary} ${from} where s.id = ${id} and ${readable(viewer)}`);
  if (!found) throw new NotFound("review.api.notFound", { id });
  const versions = await rows<Found>(
    db,
    sql`select ${summary} ${from}
        where s.dataset = ${found.dataset} and s.period_id = ${found.periodId} and s.region_code = ${found.regionCode}
        order by s.version desc`,
  );
  const [reviewer] = await rows<{ nameZh: string; nameEn: string | null }>(
    db,
    sql`select name_zh as "nameZh", name_en as "nameEn" from regions where code = ${found.regionParent ?? ""}`,
  );
  const toSummary = summarise(viewer);
  return {
    submission: toSummary(found),
    submittedBy: found.submittedBy,
    versions: versions.map(toSummary),
    reviewer: reviewer ?? null,
  };
}

/**
 * The region that reviews the caller's reports: their home region's parent, while the cycle runs
 * and unless they publish at once (lib/auth/permissions.ts publishesDirectly).
 */
export async function reviewerOf(db: Db, viewer: Viewer) {
  if (publishesDirectly(viewer) || !canUpload(viewer)) return null;
  const [found] = await rows<{ nameZh: string; nameEn: string | null }>(
    db,
    sql`select p.name_zh as "nameZh", p.name_en as "nameEn" from regions r join regions p on p.code = r.parent_code
        where r.code = ${viewer.regionCode} and exists (select 1 from reporting_periods)`,
  );
  return found ?? null;
}
