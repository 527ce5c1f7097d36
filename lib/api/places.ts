import { queryOptions } from "@tanstack/react-query";
import type { OrganisationType } from "@/lib/contract";
import type { ArenaTotals, RegionPath } from "@/lib/types";
import { dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/places: a banner's townships (or a township's villages) with their figures. */

export type PlaceOrganisations = {
  /** 基层党组织 of the register (as it stands now, no period). */
  count: number;
  members: number;
  byType: Record<OrganisationType, number>;
};

export type PlaceRow = {
  /** The township's (9 digits) or village's (12 digits) code; null: records naming no place (未注明). */
  code: string | null;
  nameZh: string;
  kindZh: string;
  /** A township opens its own page (its villages); a village has none. */
  drillable: boolean;
  arena: ArenaTotals;
  organisations: PlaceOrganisations;
};

export type PlaceList = {
  region: RegionPath;
  /** What the rows are: a banner's townships, a township's villages, or nothing (a league, the region). */
  kind: "townships" | "villages" | "none";
  /** The arena entries' period; absent: all years. The register has no period. */
  period: Period | null;
  rows: PlaceRow[];
  /** Every row added up, 未注明 included: the region's own arena entries and organisations. */
  total: Omit<PlaceRow, "code" | "nameZh" | "kindZh" | "drillable">;
};

export type PlaceFilters = { region: string; period?: Period };

export const placesKey = (filters: PlaceFilters) => dashboardKey("places", filters, "all");

export const placesQuery = (filters: PlaceFilters) =>
  queryOptions({
    queryKey: placesKey(filters),
    queryFn: () => getJson<PlaceList>(`/api/places${dashboardSearch(filters)}`),
  });
