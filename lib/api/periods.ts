import { queryOptions } from "@tanstack/react-query";
import type { Dataset } from "@/lib/contract";
import type { Completeness } from "@/lib/types";
import { getJson, sendJson } from "./client";

/** GET /api/periods?year=: the reporting periods of a year, as the viewer's home region stands in them. */
export type ReportingPeriodRow = {
  id: number;
  dataset: Dataset;
  year: number;
  /** Null for a yearly dataset. */
  quarter: number | null;
  /** ISO day the reports are due. */
  dueOn: string;
  /** Days past the deadline in China's time zone (0 until it passes). */
  daysOverdue: number;
  /** Days until the deadline (0 on the day and after it). */
  daysLeft: number;
  /** The viewer's home region and everything below it: reports in against those expected. */
  completeness: Completeness;
  /** The standing lock covering the home region (its own, or set above it). */
  lock: { regionCode: string; regionName: string; lockedAt: string } | null;
  canEdit: boolean;
  canLock: boolean;
  canReopen: boolean;
};

export const periodsKey = (year: number) => ["periods", year] as const;

export const periodsQuery = (year: number) =>
  queryOptions({
    queryKey: periodsKey(year),
    queryFn: () => getJson<{ periods: ReportingPeriodRow[] }>(`/api/periods?year=${year}`),
  });

export const openYear = (year: number) => sendJson<{ created: number }>("/api/periods", { year });
export const openPeriod = (period: { dataset: Dataset; year: number; quarter?: number; dueOn: string }) =>
  sendJson<{ created: number }>("/api/periods", period);
export const setDeadline = (id: number, dueOn: string) =>
  sendJson<{ dueOn: string }>(`/api/periods/${id}`, { dueOn }, "PATCH");
export const lockPeriod = (id: number, region: string) =>
  sendJson<{ locked: true }>(`/api/periods/${id}/lock`, { region });
export const reopenPeriod = (id: number, region: string, reason: string) =>
  sendJson<{ reopened: true }>(`/api/periods/${id}/reopen`, { region, reason });
