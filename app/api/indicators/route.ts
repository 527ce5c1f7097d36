import { getDb } from "@/db/client";
import { getScorecard } from "@/db/queries/indicators";
import { NotFound } from "@/lib/auth/errors";
import { atHome, indicatorFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/indicators?region=<code>&year=<yyyy>[&quarter=<q>]: 成绩单 indicators the region itself
 * reported for the year (its whole-year figures) or the quarter, with status against the target,
 * the same indicators across its child regions, and each indicator's trend. Indicators never add
 * up, so a range of years is refused (400).
 */
export const GET = apiRoute({ query: indicatorFilters }, async ({ viewer, query }) => {
  const { region } = atHome(query, viewer);
  const scorecard = await getScorecard(await getDb(), viewer, { region, period: query.period });
  if (!scorecard) throw new NotFound("regionNotFound", { code: region });
  return scorecard;
});
