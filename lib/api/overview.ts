import { queryOptions } from "@tanstack/react-query";
import type { Overview } from "@/lib/types";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/overview: every dataset's key figures for a region and its children. */
export type { Overview };

export const overviewKey = (filters: DashboardFilters) => dashboardKey("overview", filters);

export const overviewQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: overviewKey(filters),
    queryFn: () => getJson<Overview>(`/api/overview${dashboardSearch(filters)}`),
  });
