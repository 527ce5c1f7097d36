import type { z } from "zod";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import { overviewFilters } from "@/lib/filters";

/**
 * The URL of /arena, shared by the page, GET /api/arena and the client: the region (default: the
 * user's home region), the year (default: the latest with entries), and the leaderboard's level
 * (a page filter, read by the client only; the API ignores it).
 */
export const arenaFilters = overviewFilters;

export type ArenaFilters = z.infer<typeof arenaFilters> & { level?: ArenaLevel };

type RawParams = Record<string, string | string[] | undefined>;

export function parseArenaFilters(params: RawParams) {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) plain[key] = first;
  }
  const parsed = arenaFilters.safeParse(plain);
  if (!parsed.success) return parsed;
  // An unknown level is a stale or mistyped link: show the first level rather than nothing.
  const level = arenaLevels.find((l) => l === plain.level);
  return { success: true as const, data: { ...parsed.data, level } as ArenaFilters };
}

/** The URL query for a view; defaults are left out. */
export function arenaSearch({ region, year, level }: Partial<ArenaFilters>): string {
  const query = new URLSearchParams();
  if (region) query.set("region", region);
  if (year) query.set("year", String(year));
  if (level) query.set("level", level);
  const text = query.toString();
  return text ? `?${text}` : "";
}
