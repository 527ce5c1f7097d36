import { getDb } from "@/db/client";
import { listArenaEntries } from "@/db/queries/records";
import { atHome } from "@/lib/filters";
import { recordsQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/arena-entries?region=&year=&page=: contest entries, secretaries named only inside the user's region. */
export const GET = apiRoute({ query: recordsQuery }, async ({ viewer, query }) =>
  listArenaEntries(await getDb(), viewer, atHome(query, viewer)),
);
