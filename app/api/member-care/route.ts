import { getMemberCare } from "@/db/queries/member-care";
import { NotFound } from "@/lib/auth/errors";
import { atHome, memberCareFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/member-care?region=<code>&(year=<yyyy>[&quarter=<q>] | from=<yyyy>&to=<yyyy>):
 * 政治生日 per child region, per month and per Party organisation of the region itself: members
 * whose joining month it was, those celebrated, and the coverage.
 */
export const GET = apiRoute({ query: memberCareFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const view = await getMemberCare(db, viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
