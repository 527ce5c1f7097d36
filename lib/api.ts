import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditRow } from "@/db/queries/audit";
import type { ProjectStats } from "@/db/queries/project-stats";
import type { ProjectRecord } from "@/db/queries/records";
import type { RegionOption } from "@/db/queries/regions";
import type { BatchRow, BatchSummary } from "@/db/queries/uploads";
import type { UserRow } from "@/db/queries/users";
import type { Overview } from "@/lib/types";
import {
  type DashboardFilters,
  dashboardSearch,
  type Period,
  type ProjectListFilters,
  periodKey,
  projectSearch,
} from "./view";

// Types only (erased when compiled): the shapes the queries return are the shapes the API sends.
export type { AuditRow, BatchRow, BatchSummary, ProjectRecord, ProjectStats, RegionOption, UserRow };

/** Thrown for a non-2xx answer; carries the API's message for the error state. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** better-auth's error code (INVALID_PASSWORD, …) where the answer has one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body?.message || response.statusText, body?.code);
  return body as T;
}

export async function getJson<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url, { headers: { accept: "application/json" } }));
}

/** A write to the API (same-origin, with the session cookie); a refusal throws ApiError with the API's message. */
export async function sendJson<T>(url: string, body: unknown, method: "POST" | "PATCH" = "POST"): Promise<T> {
  return answer<T>(
    await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

export const overviewKey = (filters: DashboardFilters) =>
  ["overview", filters.region, periodKey(filters.period)] as const;

export const overviewQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: overviewKey(filters),
    queryFn: () => getJson<Overview>(`/api/overview${dashboardSearch(filters)}`),
  });

export type ProjectList = { rows: ProjectRecord[]; total: number };

export const projectsQuery = (filters: ProjectListFilters) =>
  queryOptions({
    queryKey: [
      "projects",
      filters.region,
      filters.period ? periodKey(filters.period) : "all",
      filters.page,
      filters.sort,
      filters.dir,
    ] as const,
    queryFn: () => getJson<ProjectList>(`/api/projects${projectSearch(filters)}`),
    // Paging keeps the old rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });

export const regionsQuery = (q: string) =>
  queryOptions({
    queryKey: ["regions", q] as const,
    queryFn: () => getJson<{ regions: RegionOption[] }>(`/api/regions?q=${encodeURIComponent(q)}`),
    // The list of regions changes only with a new reference import.
    staleTime: 10 * 60_000,
  });

export const projectStatsQuery = (filters: { region: string; period?: Period; asOf?: string }) =>
  queryOptions({
    queryKey: [
      "project-stats",
      filters.region,
      filters.period ? periodKey(filters.period) : "all",
      filters.asOf ?? "today",
    ] as const,
    queryFn: () =>
      getJson<ProjectStats>(
        `/api/project-stats${dashboardSearch({ region: filters.region, period: filters.period }, { asOf: filters.asOf })}`,
      ),
  });
