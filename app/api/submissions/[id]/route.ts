import { getDb } from "@/db/client";
import { submissionParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { localeOf } from "@/server/http";
import { getSubmission } from "@/server/import/review";

export const dynamic = "force-dynamic";

/** GET /api/submissions/:id: one report with its versions, returns, changes against the published figures and warnings. */
export const GET = apiRoute({ params: submissionParams }, async ({ request, viewer, params }) =>
  getSubmission(await getDb(), viewer, params.id, localeOf(request.headers)),
);
