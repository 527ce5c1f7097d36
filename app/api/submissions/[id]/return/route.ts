import { getDb } from "@/db/client";
import { returnSubmission } from "@/db/mutations/submissions";
import { returnBody, submissionParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/submissions/:id/return {reason}: sends the report back to its region with the reason. */
export const POST = apiRoute(
  { params: submissionParams, body: returnBody },
  async ({ request, viewer, params, body }) =>
    returnSubmission(await getDb(), viewer, params.id, body.reason, requestIp(request)),
);
