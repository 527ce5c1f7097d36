import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { auditQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/audit?user=&action=&region=&from=&to=&page=: the audit log, newest first (admins). */
export const GET = apiRoute({ query: auditQuery }, async ({ viewer, query }) =>
  listAudit(await getDb(), viewer, query),
);
