import type { QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { getPlaces } from "@/db/queries/places";
import { placesKey } from "@/lib/api/places";
import type { Principal } from "@/lib/auth/permissions";
import type { RegionPath } from "@/lib/types";
import type { Period } from "@/lib/view";

/** A banner's page (its arena board, its profile) shows its townships: put them in the cache with the page. */
export async function prefetchPlaces(queryClient: QueryClient, viewer: Principal, region: RegionPath, period: Period) {
  if (region.level !== "county" && region.level !== "functional_zone") return;
  const list = await getPlaces(await getDb(), viewer, { region: region.code, period });
  if (list) queryClient.setQueryData(placesKey({ region: region.code, period }), list);
}
