import { getPlaces } from "@/db/queries/places";
import { NotFound } from "@/lib/auth/errors";
import { atHome, placesFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/places?region=<banner or 9-digit township>&(year=<yyyy>[&quarter=<q>] | from=<yyyy>&to=<yyyy>):
 * a banner's townships or a township's villages, each with its arena entries (of the period's years; all
 * years without one) and its Party organisations, plus the 未注明 line (docs/data-contract.md §4.10). Counts
 * only, for every signed-in user. A malformed code is a 400, an unknown one a 404.
 */
export const GET = apiRoute({ query: placesFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region, period } = atHome(query, viewer);
  const list = await getPlaces(db, viewer, { region, period });
  if (!list) throw new NotFound("regionNotFound", { code: region });
  return list;
});
