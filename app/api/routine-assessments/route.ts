import { getRoutineAssessments } from "@/db/queries/routine-assessments";
import { NotFound } from "@/lib/auth/errors";
import { atHome, routineAssessmentFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/routine-assessments?region=<code>&(year=<yyyy>[&quarter=<q>] | from=<yyyy>&to=<yyyy>):
 * 平时考核 per child region (a banner: per contact point) and per quarter, the grades as a
 * distribution where at least MIN_GROUP were assessed (else `suppressed`), and the methods used.
 */
export const GET = apiRoute({ query: routineAssessmentFilters, cached: true }, async ({ viewer, query, db }) => {
  const { region } = atHome(query, viewer);
  const view = await getRoutineAssessments(db, viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
