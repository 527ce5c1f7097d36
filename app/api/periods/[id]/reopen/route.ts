import { getDb } from "@/db/client";
import { reopenPeriod } from "@/db/mutations/periods";
import { periodParams, reopenBody } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/periods/:id/reopen {region, reason}: lifts the region's lock, saying why. */
export const POST = apiRoute({ params: periodParams, body: reopenBody }, async ({ request, viewer, params, body }) =>
  reopenPeriod(await getDb(), viewer, params.id, body.region, body.reason, requestIp(request)),
);
