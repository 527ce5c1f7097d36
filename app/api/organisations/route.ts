import { getDb } from "@/db/client";
import { getOrganisations } from "@/db/queries/organisations";
import { NotFound } from "@/lib/auth/errors";
import { atHome, organisationFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/organisations?region=<code>&asOf=<yyyy-mm-dd>: the basic-level Party organisations of a
 * region counted by type and by the state of their terms (即将届满, 逾期未换届, 已延期) and the rules
 * of 设置 (应建未建, 应分设总支, 可设党委), 本级, 含下级 and per child region (a banner: per township).
 * Counts only; the list is /api/organisations/records.
 */
export const GET = apiRoute({ query: organisationFilters }, async ({ viewer, query }) => {
  const { region, asOf } = atHome(query, viewer);
  const view = await getOrganisations(await getDb(), viewer, { region, asOf });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
