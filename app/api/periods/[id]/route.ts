import { getDb } from "@/db/client";
import { setDeadline } from "@/db/mutations/periods";
import { deadlineBody, periodParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** PATCH /api/periods/:id {dueOn}: moves the period's deadline. */
export const PATCH = apiRoute({ params: periodParams, body: deadlineBody }, async ({ request, viewer, params, body }) =>
  setDeadline(await getDb(), viewer, params.id, body.dueOn, requestIp(request)),
);
