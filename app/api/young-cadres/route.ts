import { getYoungCadres } from "@/db/queries/young-cadres";
import { NotFound } from "@/lib/auth/errors";
import { atHome, youngCadreFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/young-cadres?region=<code>&(year=<yyyy> | from=<yyyy>&to=<yyyy>): 雏雁行动 per child
 * region, 本级 and 含下级, and per year, with 参训率, 一线锻炼率 and 提拔率. Region: the caller's home
 * region by default; period: the latest year with figures.
 */
export const GET = apiRoute({ query: youngCadreFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const view = await getYoungCadres(db, viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
