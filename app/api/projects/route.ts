import { getDb } from "@/db/client";
import { listProjects } from "@/db/queries/records";
import { getRegionPath } from "@/db/queries/regions";
import { NotFound } from "@/lib/auth/errors";
import { atHome, projectListFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/projects?region=&(year=[&quarter=] | from=&to=)&page=&sort=&dir=: one page of projects
 * with lead cadres (names only inside the user's region), taken in the period (absent: all
 * years), sorted in SQL by a whitelisted column.
 */
export const GET = apiRoute({ query: projectListFilters }, async ({ viewer, query }) => {
  const filters = atHome(query, viewer);
  const db = await getDb();
  const [path, list] = await Promise.all([getRegionPath(db, filters.region), listProjects(db, viewer, filters)]);
  if (!path) throw new NotFound("regionNotFound", { code: filters.region });
  return list;
});
