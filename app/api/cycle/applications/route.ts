import { getDb } from "@/db/client";
import { listApplications } from "@/db/queries/cycle";
import { getRegionPath } from "@/db/queries/regions";
import { NotFound } from "@/lib/auth/errors";
import { atHome, cycleListFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/cycle/applications?region=&(year=… | from=&to=)&page=: one page of the applications
 * (揭榜申报) filed in the period, applicants named only inside the caller's home region.
 */
export const GET = apiRoute({ query: cycleListFilters }, async ({ viewer, query }) => {
  const filters = atHome(query, viewer);
  const db = await getDb();
  if (!(await getRegionPath(db, filters.region))) throw new NotFound("regionNotFound", { code: filters.region });
  return listApplications(db, viewer, filters);
});
