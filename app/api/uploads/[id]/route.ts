import { getDb } from "@/db/client";
import { getBatch } from "@/db/queries/uploads";
import { batchParams, pageQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/uploads/:id?page=: one batch and the rows it added or changed. */
export const GET = apiRoute({ query: pageQuery, params: batchParams }, async ({ viewer, query, params }) =>
  getBatch(await getDb(), viewer, params.id, query),
);
