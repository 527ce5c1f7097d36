import { getDb } from "@/db/client";
import { getEvaluations } from "@/db/queries/evaluations";
import { NotFound } from "@/lib/auth/errors";
import { atHome, evaluationFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/evaluations?region=<code>&(year=<yyyy> | from=<yyyy>&to=<yyyy>): 五看一测 per child
 * region, 本级 and 含下级, and per year; no names. A group of fewer than three people has its count
 * only (`suppressed`). Defaults: the home region, the latest year with evaluations.
 */
export const GET = apiRoute({ query: evaluationFilters }, async ({ viewer, query }) => {
  const { region } = atHome(query, viewer);
  const view = await getEvaluations(await getDb(), viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
