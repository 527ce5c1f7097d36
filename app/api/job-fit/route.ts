import { getDb } from "@/db/client";
import { getJobFit } from "@/db/queries/job-fit";
import { NotFound } from "@/lib/auth/errors";
import { atHome, jobFitFilters } from "@/lib/filters";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/job-fit?region=<code>&(year=<yyyy> | from=<yyyy>&to=<yyyy>): 适岗指数 per child region
 * (distribution, mean, 不适岗 and what followed) beside the same regions' 能上能下; no names.
 * A group of fewer than three people has its count only (`suppressed`).
 */
export const GET = apiRoute({ query: jobFitFilters }, async ({ viewer, query }) => {
  const { region } = atHome(query, viewer);
  const view = await getJobFit(await getDb(), viewer, { region, period: query.period });
  if (!view) throw new NotFound("regionNotFound", { code: region });
  return view;
});
