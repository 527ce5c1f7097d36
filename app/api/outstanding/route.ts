import { getDb } from "@/db/client";
import { getOutstanding } from "@/db/queries/outstanding";
import { NotFound } from "@/lib/auth/errors";
import { atHome, outstandingFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/outstanding?region=<code>&year=<yyyy>&dataset=<dataset>&quarter=<q>: every report of the year not
 * yet in, per reporting region of the caller's part of the tree (403 outside it).
 */
export const GET = apiRoute({ query: outstandingFilters }, async ({ viewer, query }) => {
  const filters = atHome(query, viewer);
  const view = await getOutstanding(await getDb(), viewer, filters);
  if (!view) throw new NotFound("regionNotFound", { code: filters.region });
  return view;
});
