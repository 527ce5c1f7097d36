import { indicatorFilters } from "@/app/(dashboard)/indicators/search-params";
import { getDb } from "@/db/client";
import { getScorecard } from "@/db/queries/indicators";
import { apiRoute } from "@/lib/api-route";
import { NotFound } from "@/lib/auth/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/indicators?region=<code>&year=<yyyy>[&quarter=<q>]: 成绩单 indicators the region itself
 * reported for the year and quarter (no quarter: the whole-year figures), with status against the
 * target, the same indicators across its child regions, and each indicator's trend.
 */
export const GET = apiRoute({ query: indicatorFilters }, async ({ viewer, query }) => {
  const region = query.region ?? viewer.regionCode;
  const scorecard = await getScorecard(await getDb(), viewer, { region, year: query.year, quarter: query.quarter });
  if (!scorecard) throw new NotFound("regionNotFound", { code: region });
  return scorecard;
});
