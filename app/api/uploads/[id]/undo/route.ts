import { getDb } from "@/db/client";
import { undoBatch } from "@/db/mutations/uploads";
import { apiRoute } from "@/lib/api-route";
import { requestIp } from "@/lib/request-ip";
import { batchParams } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** POST /api/uploads/:id/undo: restore what the batch replaced and remove what it added. */
export const POST = apiRoute({}, async ({ request, viewer, params }) => {
  const { id } = batchParams.parse(params);
  return undoBatch(await getDb(), viewer, id, requestIp(request));
});
