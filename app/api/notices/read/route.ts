import { getDb } from "@/db/client";
import { markAllRead } from "@/db/mutations/notices";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** POST /api/notices/read: marks every notice the caller sees as read. */
export const POST = apiRoute({}, async ({ viewer }) => markAllRead(await getDb(), viewer));
