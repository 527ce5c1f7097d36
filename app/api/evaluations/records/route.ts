import { getDb } from "@/db/client";
import { listEvaluationRecords } from "@/db/queries/evaluations";
import { NotFound } from "@/lib/auth/errors";
import { atHome, evaluationRecordFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/**
 * GET /api/evaluations/records?region=&year=|from=&to=&page=: the evaluations the caller may see
 * by name (personnel permission, inside the name scope), the others counted in `hidden`. A page
 * that shows a name is written to the audit log.
 */
export const GET = apiRoute({ query: evaluationRecordFilters }, async ({ request, viewer, query }) => {
  const { region, period, page } = atHome(query, viewer);
  const list = await listEvaluationRecords(await getDb(), viewer, { region, period, page }, { ip: requestIp(request) });
  if (!list) throw new NotFound("regionNotFound", { code: region });
  return list;
});
