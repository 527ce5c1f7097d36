import { getDb } from "@/db/client";
import { undoBatch } from "@/db/mutations/uploads";
import { apiRoute } from "@/lib/api-route";
import { requestIp } from "@/lib/request-ip";
import { batchParams } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** POST /api/uploads/:id/undo: restore what the batch replaced and remove what it added. */
export const POST = apiRoute({ params: batchParams }, async ({ request, viewer, params }) =>
  undoBatch(await getDb(), viewer, params.id, requestIp(request)),
);
