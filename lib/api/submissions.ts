import { queryOptions } from "@tanstack/react-query";
import type { Dataset } from "@/lib/contract";
import { getJson, sendJson } from "./client";
import type { ImportChange, ImportWarning } from "./uploads";

/** GET /api/submissions, GET /api/submissions/[id], and the review's two answers. */

export const submissionStatuses = ["pending", "returned", "approved", "superseded"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export type SubmissionSummary = {
  id: number;
  dataset: Dataset;
  year: number;
  quarter: number | null;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  version: number;
  status: SubmissionStatus;
  submittedByName: string;
  submittedAt: string;
  fileName: string;
  rows: number;
  reviewerName: string | null;
  reviewedAt: string | null;
  reason: string | null;
  batchId: number | null;
  /** The caller may approve or return it now. */
  canReview: boolean;
};

export type SubmissionList = { queue: SubmissionSummary[]; recent: SubmissionSummary[] };

export type SubmissionDetail = {
  submission: SubmissionSummary;
  /** The region whose clerks review it. */
  reviewer: { nameZh: string; nameEn: string | null } | null;
  /** Every version of this region's report for the period, newest first. */
  versions: SubmissionSummary[];
  /** For an open version: what approving it would change now, and the fingerprint the approval must quote. */
  changes: {
    inserted: number;
    updated: number;
    unchanged: number;
    preview: ImportChange[];
    /** Figures far from last year's (see ReviewWarning). */
    warnings: ReviewWarning[];
    /** The upload's own notes on the changes (a row moving to another region). */
    moves: ImportWarning[];
    fingerprint: string;
  } | null;
  /**
   * Against the version returned before this one: its rows that are new or differ (before = the
   * returned version's), and how many of the returned version's rows it no longer holds.
   */
  sinceReturned: { version: number; changes: ImportChange[]; total: number; removed: number } | null;
  ownSubmission: boolean;
  /** Named evaluations whose rows this reviewer may not see (no personnel permission): counts only. */
  personnelHidden: boolean;
};

/**
 * A figure worth a second look: more than 50% away from the same key's figure a year earlier
 * (yearMove, of `column`), or a category whose share of its period total jumps by more than 20
 * points (shareJump, in percent). `key` is the preview's key (its values joined by " · ").
 */
export type ReviewWarning = {
  row: number;
  kind: "yearMove" | "shareJump";
  key: string;
  column: string;
  before: string;
  after: string;
};

export const submissionsKey = ["submissions"] as const;

export const submissionsQuery = () =>
  queryOptions({ queryKey: [...submissionsKey, "list"], queryFn: () => getJson<SubmissionList>("/api/submissions") });

export const submissionQuery = (id: number) =>
  queryOptions({
    queryKey: [...submissionsKey, id],
    queryFn: () => getJson<SubmissionDetail>(`/api/submissions/${id}`),
  });

export const approveSubmission = (id: number, fingerprint: string) =>
  sendJson<{ id: number; batchId: number }>(`/api/submissions/${id}/approve`, { fingerprint });

export const returnSubmission = (id: number, reason: string) =>
  sendJson<{ id: number }>(`/api/submissions/${id}/return`, { reason });
