import { getRanking } from "@/db/queries/rankings";
import { NotFound } from "@/lib/auth/errors";
import { atHome, rankingFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/rankings?region=<code>&<period>&metric=<metric>: the region's children ranked by one
 * figure, with the change against the previous period (like for like) and each one's reports.
 */
export const GET = apiRoute({ query: rankingFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region, period, metric } = atHome(query, viewer);
  const ranking = await getRanking(db, viewer, { region, period, metric });
  if (!ranking) throw new NotFound("regionNotFound", { code: region });
  return ranking;
});
