import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import { arenaFilters, type DashboardFilters, dashboardSearch, parseFilters } from "@/lib/filters";

/**
 * The URL of /arena: the shared dashboard filters of lib/filters.ts (region, default the user's
 * home region; a year or a range of years, default the latest year with entries), plus the
 * leaderboard's level (read by the client only; the API ignores it).
 */
export type ArenaFilters = DashboardFilters & { level?: ArenaLevel };

type RawParams = Record<string, string | string[] | undefined>;

export function parseArenaFilters(params: RawParams) {
  const parsed = parseFilters(arenaFilters, params);
  if (!parsed.success) return parsed;
  const raw = Array.isArray(params.level) ? params.level[0] : params.level;
  // An unknown level is a stale or mistyped link: show the first level rather than nothing.
  const level = arenaLevels.find((l) => l === raw);
  return { success: true as const, data: { ...parsed.data, level } as ArenaFilters };
}

/** The URL query for a view; defaults are left out. */
export function arenaSearch({ level, ...filters }: ArenaFilters): string {
  return dashboardSearch(filters, { level });
}
