import { getDb } from "@/db/client";
import { listArenaEntries } from "@/db/queries/records";
import { apiRoute } from "@/lib/api-route";
import { recordsQuery } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** GET /api/arena-entries?region=&year=&page=: contest entries, secretaries named only inside the user's region. */
export const GET = apiRoute({ query: recordsQuery }, async ({ viewer, query }) =>
  listArenaEntries(await getDb(), viewer, { ...query, region: query.region ?? viewer.regionCode }),
);
