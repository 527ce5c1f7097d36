import { queryOptions } from "@tanstack/react-query";
import type { Scorecard } from "@/db/queries/indicators";
import { getJson } from "@/lib/api";
import { type DashboardFilters, dashboardSearch, periodKey } from "@/lib/view";

// Types only (erased when compiled): the shape the query returns is the shape the API sends.
export type {
  IndicatorAcross,
  IndicatorFigure,
  IndicatorPoint,
  IndicatorStatus,
  Scorecard,
} from "@/db/queries/indicators";

/** The chosen indicator is not part of the key: one answer holds every indicator of the period. */
export const scorecardKey = ({ region, period }: DashboardFilters) =>
  ["indicators", region ?? "home", periodKey(period)] as const;

export const scorecardQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: scorecardKey(filters),
    queryFn: () =>
      getJson<Scorecard>(`/api/indicators${dashboardSearch({ region: filters.region, period: filters.period })}`),
  });
