import { queryOptions } from "@tanstack/react-query";
import type { Dataset } from "@/lib/contract";
import type { RegionPath } from "@/lib/types";
import { dashboardKey, getJson } from "./client";

/** GET /api/outstanding: the reports of a year not yet in, by reporting region, dataset and quarter. */

export type OutstandingRow = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: string;
  parentName: string | null;
  parentNameEn: string | null;
  dataset: Dataset;
  /** Null for a yearly dataset (arena, projects, indicators). */
  quarter: number | null;
  /** The deadline of its reporting period (none opened: null), and the days past it. */
  dueOn: string | null;
  daysOverdue: number | null;
  /** 未报 (nothing sent), 待审核 (waiting for review) or 已退回 (returned for correction). */
  state: "missing" | "pending" | "returned";
};

export type Outstanding = {
  region: RegionPath;
  year: number;
  years: number[];
  dataset: Dataset | null;
  quarter: number | null;
  rows: OutstandingRow[];
};

export type OutstandingFilters = { region?: string; year?: number; dataset?: Dataset; quarter?: number };

export function outstandingSearch({ region, year, dataset, quarter }: OutstandingFilters): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (year) query.set("year", String(year));
  if (dataset) query.set("dataset", dataset);
  if (quarter) query.set("quarter", String(quarter));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const outstandingKey = (filters: OutstandingFilters) =>
  [
    ...dashboardKey("outstanding", { region: filters.region }),
    filters.year ?? "latest",
    filters.dataset ?? "all",
  ] as const;

export const outstandingQuery = (filters: OutstandingFilters) =>
  queryOptions({
    queryKey: outstandingKey(filters),
    queryFn: () => getJson<Outstanding>(`/api/outstanding${outstandingSearch(filters)}`),
  });
