import { getPromotions } from "@/db/queries/promotions";
import { NotFound } from "@/lib/auth/errors";
import { atHome, promotionFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/promotions?region=<code>&(year=<yyyy>[&quarter=<q>] | from=<yyyy>&to=<yyyy>):
 * 提拔使用 per child region by field (keys are the contract's values), 本级 and 含下级, per quarter.
 * Region defaults to the caller's home region, the period to the latest year with figures.
 */
export const GET = apiRoute({ query: promotionFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const view = await getPromotions(db, viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
