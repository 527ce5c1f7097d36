import { getDb } from "@/db/client";
import { lockPeriod } from "@/db/mutations/periods";
import { lockBody, periodParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/periods/:id/lock {region}: freezes the period's figures of the region and below. */
export const POST = apiRoute({ params: periodParams, body: lockBody }, async ({ request, viewer, params, body }) =>
  lockPeriod(await getDb(), viewer, params.id, body.region, requestIp(request)),
);
