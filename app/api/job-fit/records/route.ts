import { getDb } from "@/db/client";
import { listJobFitRecords } from "@/db/queries/job-fit";
import { NotFound } from "@/lib/auth/errors";
import { atHome, jobFitRecordFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/**
 * GET /api/job-fit/records?region=&year=|from=&to=&page=: the job-fit records the caller may see
 * by name, as /api/evaluations/records; audited when a name is shown.
 */
export const GET = apiRoute({ query: jobFitRecordFilters }, async ({ request, viewer, query }) => {
  const { region, period, page } = atHome(query, viewer);
  const list = await listJobFitRecords(await getDb(), viewer, { region, period, page }, { ip: requestIp(request) });
  if (!list) throw new NotFound("regionNotFound", { code: region });
  return list;
});
