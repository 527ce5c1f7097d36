import { queryOptions } from "@tanstack/react-query";
import type { Dataset } from "@/lib/contract";
import { getJson, sendJson } from "./client";

/** GET /api/notices: the reporting cycle's notices for the caller's region, newest first. */

export const noticeKinds = [
  "due_soon",
  "overdue",
  "overdue_below",
  "locked",
  "reopened",
  "submitted",
  "returned",
  "approved",
  /** A Party organisation's term ends within six months, or has ended without an election (lib/terms.ts). */
  "term_due",
  "term_overdue",
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export type NoticeRow = {
  id: number;
  kind: NoticeKind;
  regionName: string;
  dataset: Dataset;
  year: number;
  quarter: number | null;
  /** dueOn, missing, lockedBy, reason, from, version, submission: what the kind's sentence needs. */
  detail: Record<string, string | number>;
  createdAt: string;
  read: boolean;
};

export const noticesQuery = () =>
  queryOptions({
    queryKey: ["notices"],
    queryFn: () => getJson<{ notices: NoticeRow[]; unread: number }>("/api/notices"),
  });

export const markNoticesRead = () => sendJson<{ read: number }>("/api/notices/read", {});
