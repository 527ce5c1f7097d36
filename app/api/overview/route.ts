import { getDb } from "@/db/client";
import { getOverview } from "@/db/queries/overview";
import { apiRoute } from "@/lib/api-route";
import { NotFound } from "@/lib/auth/errors";
import { overviewFilters } from "@/lib/filters";

export const dynamic = "force-dynamic";

/** GET /api/overview?region=<code>&year=<yyyy>: headline figures and the per-child comparison. */
export const GET = apiRoute({ query: overviewFilters }, async ({ viewer, query }) => {
  const region = query.region ?? viewer.regionCode;
  const overview = await getOverview(await getDb(), viewer, { ...query, region });
  if (!overview) throw new NotFound("regionNotFound", { code: region });
  return overview;
});
