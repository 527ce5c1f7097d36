import { queryOptions } from "@tanstack/react-query";
import type { Overview } from "@/lib/types";
import { type OverviewFilters, overviewSearch } from "./filters";

/** Thrown for a non-2xx answer; carries the API's message for the error state. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body?.message ?? response.statusText);
  return body as T;
}

export const overviewKey = (filters: OverviewFilters) =>
  ["overview", filters.region, filters.year ?? "latest"] as const;

export const overviewQuery = (filters: OverviewFilters) =>
  queryOptions({
    queryKey: overviewKey(filters),
    queryFn: () => getJson<Overview>(`/api/overview${overviewSearch({ ...filters, region: filters.region })}`),
  });
