import { getDb } from "@/db/client";
import { listOrganisations } from "@/db/queries/organisations";
import { NotFound } from "@/lib/auth/errors";
import { atHome, organisationRecordFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/organisations/records?region=&asOf=&measure=&township=&page=: one page of the
 * organisations a count of the board counts. The secretary's name only inside the caller's home region.
 */
export const GET = apiRoute({ query: organisationRecordFilters }, async ({ viewer, query }) => {
  const filters = atHome(query, viewer);
  const list = await listOrganisations(await getDb(), viewer, filters);
  if (!list) throw new NotFound("regionNotFound", { code: filters.region });
  return list;
});
