import { queryOptions } from "@tanstack/react-query";
import type { SelectionCategory } from "@/lib/contract";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";
import { type DashboardView, dashboardKey, getJson } from "./client";

/** GET /api/selections and /api/selections/records: 干事创业好班子 and 担当作为好干部. */

export type SelectionCounts = { byCategory: Record<SelectionCategory, number>; total: number };

/** Per year rather than per quarter: the selections are made once a year. */
export type SelectionsView = Omit<DashboardView<SelectionCounts>, "trend"> & {
  /** Every year with selections, oldest first. */
  trend: ({ year: number } & SelectionCounts)[];
};

export type SelectionRecord = {
  id: number;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  year: number;
  category: SelectionCategory;
  /** A team's name; a cadre's only inside the caller's name scope (null outside it). */
  name: string | null;
  /** The cadre's unit follows the cadre's name. */
  unit: string | null;
  summary: string | null;
  /** The name (and unit) were withheld: a cadre outside the caller's name scope. */
  namesHidden: boolean;
};

export type SelectionRecords = { rows: SelectionRecord[]; total: number; pageSize: number };

export type SelectionListFilters = DashboardFilters & { page?: number; category?: SelectionCategory };

export const selectionsKey = (filters: DashboardFilters) => dashboardKey("selections", filters);

export const selectionsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: selectionsKey(filters),
    queryFn: () => getJson<SelectionsView>(`/api/selections${dashboardSearch(filters)}`),
  });

const listSearch = ({ page, category, ...filters }: SelectionListFilters) =>
  dashboardSearch(filters, { page: page && page > 1 ? page : undefined, category });

export const selectionRecordsQuery = (filters: SelectionListFilters) =>
  queryOptions({
    queryKey: [...dashboardKey("selection_records", filters), filters.category ?? "all", filters.page ?? 1] as const,
    queryFn: () => getJson<SelectionRecords>(`/api/selections/records${listSearch(filters)}`),
  });
