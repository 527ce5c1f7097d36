import { getDb } from "@/db/client";
import { getReport } from "@/db/queries/report";
import { NotFound } from "@/lib/auth/errors";
import { atHome, reportFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/reports?region=<code>&<year or quarter>: everything the 情况通报 of the view says. */
export const GET = apiRoute({ query: reportFilters }, async ({ viewer, query }) => {
  const { region } = atHome(query, viewer);
  const report = await getReport(await getDb(), viewer, { ...query, region });
  if (!report) throw new NotFound("regionNotFound", { code: region });
  return report;
});
