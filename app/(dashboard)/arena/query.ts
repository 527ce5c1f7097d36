import { queryOptions } from "@tanstack/react-query";
import { arenaSearch } from "@/app/(dashboard)/arena/search-params";
import type { ArenaBoard } from "@/db/queries/arena";
import { getJson } from "@/lib/api";

// Types only (erased when compiled): the shape the query returns is the shape the API sends.
export type { ArenaBoard, ArenaChild, ArenaLeader, ScoreBucket } from "@/db/queries/arena";

/** The level of the leaderboard is not part of the key: one answer holds every level. */
export const arenaKey = ({ region, year }: { region: string; year?: number }) =>
  ["arena", region, year ?? "latest"] as const;

export const arenaQuery = (filters: { region: string; year?: number }) =>
  queryOptions({
    queryKey: arenaKey(filters),
    queryFn: () => getJson<ArenaBoard>(`/api/arena${arenaSearch({ region: filters.region, year: filters.year })}`),
  });
