import { getSelections } from "@/db/queries/selections";
import { NotFound } from "@/lib/auth/errors";
import { atHome, selectionFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/selections?region=<code>&(year=<yyyy> | from=<yyyy>&to=<yyyy>): 干事创业好班子 and
 * 担当作为好干部 counted per child region, 本级 and 含下级, and per year. Counts only; the named list
 * is /api/selections/records.
 */
export const GET = apiRoute({ query: selectionFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const view = await getSelections(db, viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
