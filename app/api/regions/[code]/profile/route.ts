import { getDb } from "@/db/client";
import { getRegionProfile } from "@/db/queries/profile";
import { apiRoute } from "@/lib/api-route";
import { NotFound } from "@/lib/auth/errors";
import { dashboardFilters } from "@/lib/filters";
import { badRequest } from "@/lib/http";
import { regionCode } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/**
 * GET /api/regions/<code>/profile[?year=<yyyy>[&quarter=<q>] | ?from=<yyyy>&to=<yyyy>]: one region
 * across every dataset for a period (default: the latest year with figures), with each child
 * region's key figures. The period is the dashboards' own (lib/filters.ts).
 */
export const GET = apiRoute({ query: dashboardFilters }, async ({ request, viewer, query, params }) => {
  const code = regionCode.safeParse(params.code);
  if (!code.success) return badRequest(request, code.error);
  const profile = await getRegionProfile(await getDb(), viewer, { region: code.data, period: query.period });
  if (!profile) throw new NotFound("regionNotFound", { code: code.data });
  return profile;
});
