import { getDb } from "@/db/client";
import { getProjectStats } from "@/db/queries/project-stats";
import { apiRoute } from "@/lib/api-route";
import { NotFound } from "@/lib/auth/errors";
import { projectStatsQuery } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** GET /api/project-stats?region=&year=&asOf=YYYY-MM-DD: stage funnel as of a day, investment by chain, projects per child region. */
export const GET = apiRoute({ query: projectStatsQuery }, async ({ viewer, query }) => {
  const region = query.region ?? viewer.regionCode;
  const stats = await getProjectStats(await getDb(), viewer, { ...query, region });
  if (!stats) throw new NotFound("regionNotFound", { code: region });
  return stats;
});
