import { getAdjustments } from "@/db/queries/adjustments";
import { NotFound } from "@/lib/auth/errors";
import { adjustmentFilters, atHome } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/adjustments?region=<code>&(year=<yyyy>[&quarter=<q>] | from=<yyyy>&to=<yyyy>):
 * 能上能下 per child region by type (keys are the contract's values), moved down against moved back
 * up, 本级 and 含下级, per quarter. Defaults as /api/promotions.
 */
export const GET = apiRoute({ query: adjustmentFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const view = await getAdjustments(db, viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
