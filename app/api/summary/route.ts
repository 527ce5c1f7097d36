import { getSummary } from "@/db/queries/summary";
import { NotFound } from "@/lib/auth/errors";
import { summaryQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/summary?region=<code>&year=<yyyy>[&quarter=<q>]: a region's figures including its
 * subordinate regions. Keys of byField, byLevel, byStage and byType are the contract's values.
 */
export const GET = apiRoute({ query: summaryQuery, cached: true }, async ({ viewer, query, db }) => {
  const summary = await getSummary(db, viewer, query);
  if (!summary) throw new NotFound("regionNotFound", { code: query.region });
  return summary;
});
