import { getDb } from "@/db/client";
import { approveSubmission } from "@/db/mutations/submissions";
import { approveBody, submissionParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/submissions/:id/approve {fingerprint}: publishes the report, if it is still what the reviewer saw. */
export const POST = apiRoute(
  { params: submissionParams, body: approveBody },
  async ({ request, viewer, params, body }) =>
    approveSubmission(await getDb(), viewer, params.id, body.fingerprint, requestIp(request)),
);
