import { getDb } from "@/db/client";
import { writeAudit } from "@/db/mutations/audit";
import { apiRoute } from "@/lib/api-route";
import { requestIp } from "@/lib/request-ip";
import { exportBody } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/exports: records that the caller downloaded a chart's data (CSV, XLSX) or picture
 * (PNG). The figures in a chart are aggregates every signed-in user may read; the record is for
 * the audit log.
 */
export const POST = apiRoute({ body: exportBody }, async ({ request, viewer, body }) => {
  await writeAudit(await getDb(), {
    actor: viewer.id,
    action: "export.download",
    ip: requestIp(request),
    regionCode: body.region ?? null,
    detail: { what: body.what, format: body.format, rows: body.rows },
  });
  return { ok: true };
});
