import { getProjectStats } from "@/db/queries/project-stats";
import { NotFound } from "@/lib/auth/errors";
import { atHome, projectStatsFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/project-stats?region=&(year=[&quarter=] | from=&to=)&asOf=YYYY-MM-DD: the stage funnel
 * as of a day, investment by chain and projects per child region, of the projects taken in the
 * period (absent: all years).
 */
export const GET = apiRoute({ query: projectStatsFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const stats = await getProjectStats(db, viewer, { region, period: query.period, asOf: query.asOf });
  if (!stats) throw new NotFound("regionNotFound", { code: region });
  return stats;
});
