import { getArenaBoard } from "@/db/queries/arena";
import { NotFound } from "@/lib/auth/errors";
import { arenaFilters, atHome } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/arena?region=<code>&(year=<yyyy> | from=<yyyy>&to=<yyyy>): 擂台比武 entries per level in
 * total and per child region, the top 10 per level by score (secretaries' names blanked outside
 * the caller's home region), and the score distribution. Entries are reported per year, so a
 * quarter is refused (400); a range adds its years up. Region defaults to the caller's home
 * region, the period to the latest year with entries.
 */
export const GET = apiRoute({ query: arenaFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const board = await getArenaBoard(db, viewer, { region, period: query.period });
  if (!board) throw new NotFound("regionNotFound", { code: region });
  return board;
});
