import type { ArenaLevel } from "@/lib/contract";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /arena: the shared dashboard filters of lib/filters.ts (region, default the user's
 * home region; a year or a range of years, default the latest year with entries), plus the
 * leaderboard's level (read by the client only; the API ignores it).
 */
export type ArenaFilters = DashboardFilters & { level?: ArenaLevel };

/** The URL query for a view; defaults are left out. */
export function arenaSearch({ level, ...filters }: ArenaFilters): string {
  return dashboardSearch(filters, { level });
}
