import { getDb } from "@/db/client";
import { getRegionProfile } from "@/db/queries/profile";
import { NotFound } from "@/lib/auth/errors";
import { dashboardFilters } from "@/lib/filters";
import { regionParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/regions/<code>/profile[?year=<yyyy>[&quarter=<q>] | ?from=<yyyy>&to=<yyyy>]: one region
 * across every dataset for a period (default: the latest year with figures), with each child
 * region's key figures. The period is the dashboards' own (lib/filters.ts).
 */
export const GET = apiRoute({ query: dashboardFilters, params: regionParams }, async ({ viewer, query, params }) => {
  const { code } = params;
  const profile = await getRegionProfile(await getDb(), viewer, { region: code, period: query.period });
  if (!profile) throw new NotFound("regionNotFound", { code });
  return profile;
});
