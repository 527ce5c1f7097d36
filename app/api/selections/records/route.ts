import { getDb } from "@/db/client";
import { listSelections } from "@/db/queries/selections";
import { NotFound } from "@/lib/auth/errors";
import { atHome, selectionRecordFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/selections/records?region=&year=|from=&to=&category=&page=: the selected teams and
 * cadres, a page at a time; a cadre's name and unit only inside the caller's name scope.
 */
export const GET = apiRoute({ query: selectionRecordFilters }, async ({ viewer, query }) => {
  const filters = atHome(query, viewer);
  const list = await listSelections(await getDb(), viewer, filters);
  if (!list) throw new NotFound("regionNotFound", { code: filters.region });
  return list;
});
