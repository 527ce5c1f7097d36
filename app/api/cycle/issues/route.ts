import { getDb } from "@/db/client";
import { listIssues } from "@/db/queries/cycle";
import { getRegionPath } from "@/db/queries/regions";
import { NotFound } from "@/lib/auth/errors";
import { atHome, cycleListFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/cycle/issues?region=&(year=… | from=&to=)&page=: one page of the follow-up issues raised in the period, open first. */
export const GET = apiRoute({ query: cycleListFilters }, async ({ viewer, query }) => {
  const filters = atHome(query, viewer);
  const db = await getDb();
  if (!(await getRegionPath(db, filters.region))) throw new NotFound("regionNotFound", { code: filters.region });
  return listIssues(db, viewer, filters);
});
