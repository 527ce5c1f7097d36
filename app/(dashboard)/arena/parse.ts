// The validation of the page's URL (zod), apart from search-params.ts so the client does not load it.
import { arenaLevels } from "@/lib/contract";
import { arenaFilters, parseFilters } from "@/lib/filters";
import type { ArenaFilters } from "./search-params";

type RawParams = Record<string, string | string[] | undefined>;

export function parseArenaFilters(params: RawParams) {
  const parsed = parseFilters(arenaFilters, params);
  if (!parsed.success) return parsed;
  const raw = Array.isArray(params.level) ? params.level[0] : params.level;
  // An unknown level is a stale or mistyped link: show the first level rather than nothing.
  const level = arenaLevels.find((l) => l === raw);
  return { success: true as const, data: { ...parsed.data, level } as ArenaFilters };
}
