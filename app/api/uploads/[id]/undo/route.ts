import { getDb } from "@/db/client";
import { undoBatch } from "@/db/mutations/uploads";
import { batchParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/uploads/:id/undo: restore what the batch replaced and remove what it added. */
export const POST = apiRoute({ params: batchParams }, async ({ request, viewer, params }) =>
  undoBatch(await getDb(), viewer, params.id, requestIp(request)),
);
