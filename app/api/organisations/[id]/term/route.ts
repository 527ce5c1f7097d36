import { getDb } from "@/db/client";
import { adjustTerm } from "@/db/mutations/organisations";
import { organisationParams, termAdjustmentBody } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/**
 * POST /api/organisations/:id/term {type, reason, approver, endsOn}: records an approved extension
 * or early election of the organisation's term (its region's clerk or an administrator; at most one year).
 */
export const POST = apiRoute(
  { params: organisationParams, body: termAdjustmentBody },
  async ({ request, viewer, params, body }) => adjustTerm(await getDb(), viewer, params.id, body, requestIp(request)),
);
