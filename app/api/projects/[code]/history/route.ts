import { getDb } from "@/db/client";
import { getProjectHistory } from "@/db/queries/cycle";
import { NotFound } from "@/lib/auth/errors";
import { projectParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/projects/:code/history: one project's whole cycle (challenge, applications, stages,
 * issues, evaluations); the lead cadre and applicants named only inside the caller's home region.
 */
export const GET = apiRoute({ params: projectParams }, async ({ viewer, params }) => {
  const history = await getProjectHistory(await getDb(), viewer, params.code);
  if (!history) throw new NotFound("cycle.api.projectNotFound", { code: params.code });
  return history;
});
