import { getDb } from "@/db/client";
import { listSubmissions } from "@/db/queries/submissions";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/submissions: the reports waiting for the caller's review, and the recent ones they may
 * read (their region's and those below). A report is submitted by uploading it (POST /api/uploads)
 * or entering a figure (POST /api/figures) as a clerk below the autonomous region.
 */
export const GET = apiRoute({}, async ({ viewer }) => listSubmissions(await getDb(), viewer));
