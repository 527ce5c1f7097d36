import { getDb } from "@/db/client";
import { listProjects } from "@/db/queries/records";
import { apiRoute } from "@/lib/api-route";
import { recordsQuery } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** GET /api/projects?region=&year=&page=: projects with lead cadres, names only inside the user's region. */
export const GET = apiRoute({ query: recordsQuery }, async ({ viewer, query }) =>
  listProjects(await getDb(), viewer, { ...query, region: query.region ?? viewer.regionCode }),
);
