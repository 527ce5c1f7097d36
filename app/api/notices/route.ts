import { getDb } from "@/db/client";
import { listNotices } from "@/db/queries/notices";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/notices: the caller's region's notices, newest first, and how many are unread. */
export const GET = apiRoute({}, async ({ viewer }) => listNotices(await getDb(), viewer));
