import { getOverview } from "@/db/queries/overview";
import { NotFound } from "@/lib/auth/errors";
import { atHome, overviewFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/overview?region=<code>&<period>: headline figures, the previous period's, the per-child comparison, the reporting board. */
export const GET = apiRoute({ query: overviewFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const overview = await getOverview(db, viewer, { ...query, region });
  if (!overview) throw new NotFound("regionNotFound", { code: region });
  return overview;
});
