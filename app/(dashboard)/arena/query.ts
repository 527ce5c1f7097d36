import { queryOptions } from "@tanstack/react-query";
import type { ArenaBoard } from "@/db/queries/arena";
import { getJson } from "@/lib/api";
import { type DashboardFilters, dashboardSearch, periodKey } from "@/lib/view";

// Types only (erased when compiled): the shape the query returns is the shape the API sends.
export type { ArenaBoard, ArenaChild, ArenaLeader, ScoreBucket } from "@/db/queries/arena";

/** The level of the leaderboard is not part of the key: one answer holds every level. */
export const arenaKey = ({ region, period }: DashboardFilters) =>
  ["arena", region ?? "home", periodKey(period)] as const;

export const arenaQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: arenaKey(filters),
    queryFn: () =>
      getJson<ArenaBoard>(`/api/arena${dashboardSearch({ region: filters.region, period: filters.period })}`),
  });
