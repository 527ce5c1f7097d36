import { queryOptions } from "@tanstack/react-query";
import type { RegionRef } from "@/lib/types";
import { getJson } from "./client";

/** GET /api/regions: regions for the pickers, and the leagues of the region cascade. */

export type RegionOption = RegionRef & { parentName: string | null };

/** A league with its banners and zones, for the region cascade. */
export type LeagueOption = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  banners: { code: string; nameZh: string; nameEn: string | null }[];
};

export const regionsQuery = (q: string) =>
  queryOptions({
    queryKey: ["regions", q] as const,
    queryFn: () => getJson<{ regions: RegionOption[] }>(`/api/regions?q=${encodeURIComponent(q)}`),
    // The list of regions changes only with a new reference import.
    staleTime: 10 * 60_000,
  });
