import { getDb } from "@/db/client";
import { searchRegions } from "@/db/queries/regions";
import { regionSearchQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/regions?q=: leagues and banners matching a name, abbreviation or code (region pickers). */
export const GET = apiRoute({ query: regionSearchQuery }, async ({ query }) => ({
  regions: await searchRegions(await getDb(), query.q),
}));
