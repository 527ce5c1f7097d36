import type { ChildRegion, Completeness, RegionPath } from "@/lib/types";
import { type Period, periodKey } from "@/lib/view";

/**
 * The browser's side of the JSON API: fetch helpers and the one shape of a dashboard's query key.
 * Each dataset's response types, keys and query options live in their own module next to this one
 * (lib/api/<dataset>.ts). Nothing here or there imports server or database code: the server
 * imports these types, never the other way round.
 */

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

/** The key's stand-in for "no region asked for": the viewer's home region. */
export const HOME_REGION = "home";

/**
 * Every dashboard's query key: [dataset, region, period]. The region is the one asked for, or
 * HOME_REGION; the period is periodKey's, or `noPeriod` where a missing period means something
 * other than "the latest" (the project pages: all years). Lists append their paging to it.
 */
export const dashboardKey = <D extends string>(
  dataset: D,
  { region, period }: { region?: string; period?: Period },
  noPeriod?: string,
) => [dataset, region ?? HOME_REGION, period ? periodKey(period) : (noPeriod ?? periodKey(undefined))] as const;

/** The shape of a breakdown dashboard with figures F (promotions, adjustments). */
export type DashboardView<F> = {
  region: RegionPath;
  /** The period shown: the one asked for, or the latest year with figures. */
  period: Period;
  /** Years with any figure, newest first (the period picker offers these). */
  years: number[];
  /** 含下级: the region with everything below it. */
  total: F;
  /** 本级: what the region reported itself. */
  own: F;
  /** Per child region, the region's own level first where it has figures. */
  children: (ChildRegion & F)[];
  /** Per quarter of the years of the period, oldest first, including quarters with nothing reported. */
  trend: ({ year: number; quarter: number } & F)[];
  /** The dataset's reports for the period that are in: of the whole region, and per child region. */
  completeness: { total: Completeness; byChild: Record<string, Completeness> };
};
