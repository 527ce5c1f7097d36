import { arenaFilters } from "@/app/(dashboard)/arena/search-params";
import { getDb } from "@/db/client";
import { getArenaBoard } from "@/db/queries/arena";
import { apiRoute } from "@/lib/api-route";
import { NotFound } from "@/lib/auth/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/arena?region=<code>&year=<yyyy>: 擂台比武 entries per level in total and per child
 * region, the top 10 per level by score (secretaries' names blanked outside the caller's home
 * region), and the score distribution.
 */
export const GET = apiRoute({ query: arenaFilters }, async ({ viewer, query }) => {
  const region = query.region ?? viewer.regionCode;
  const board = await getArenaBoard(await getDb(), viewer, { region, year: query.year });
  if (!board) throw new NotFound("regionNotFound", { code: region });
  return board;
});
