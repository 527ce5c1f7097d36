import { getScreen } from "@/db/queries/screen";
import { screenQuery } from "@/lib/api/screen";
import { NotFound } from "@/lib/auth/errors";
import { atHome } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen?region=<code>: everything the wall screen rotates through (lib/api/screen.ts),
 * aggregates and region names only. Open to display accounts.
 */
export const GET = apiRoute({ query: screenQuery, screen: true, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const screen = await getScreen(db, viewer, { region });
  if (!screen) throw new NotFound("regionNotFound", { code: region });
  return screen;
});
