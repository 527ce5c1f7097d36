import { getDb } from "@/db/client";
import { listProjects } from "@/db/queries/records";
import { getRegionPath } from "@/db/queries/regions";
import { NotFound } from "@/lib/auth/errors";
import { projectListFilters, projectSort } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/projects?region=&(year=[&quarter=] | from=&to=)&page=&sort=&dir=: one page of projects
 * with lead cadres (names only inside the user's region), taken in the period (absent: all
 * years), sorted in SQL by a whitelisted column.
 */
export const GET = apiRoute({ query: projectListFilters }, async ({ viewer, query }) => {
  const region = query.region ?? viewer.regionCode;
  const db = await getDb();
  const [path, list] = await Promise.all([
    getRegionPath(db, region),
    listProjects(db, viewer, { region, period: query.period, page: query.page, ...projectSort(query.sort, query.dir) }),
  ]);
  if (!path) throw new NotFound("regionNotFound", { code: region });
  return list;
});
