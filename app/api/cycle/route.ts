import { getCycleFigures } from "@/db/queries/cycle";
import { NotFound } from "@/lib/auth/errors";
import { atHome, cycleFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/cycle?region=&(year=[&quarter=] | from=&to=): 揭榜挂帅 as a cycle for the region with
 * everything below it: challenges posted and taken (by chain), applications with distinct
 * applicants, projects by stage, follow-up issues open and solved with days to solve, evaluations
 * by grade and use, and the roll-up per child region. Counts only; no names.
 */
export const GET = apiRoute({ query: cycleFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const figures = await getCycleFigures(db, viewer, { region, period: query.period });
  if (!figures) throw new NotFound("regionNotFound", { code: region });
  return figures;
});
