import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { listBatches } from "@/db/queries/uploads";
import { AccessDenied } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { canUpload } from "@/lib/auth/permissions";
import { datasets } from "@/lib/contract";
import { pageQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { jsonError, localeOf } from "@/server/http";
import { IMPORT_LIMITS, runImport } from "@/server/import/pipeline";
import { receiveUpload } from "@/server/import/receive";
import { takeUploadSlot, UPLOAD_SLOTS } from "@/server/import/upload-slots";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** GET /api/uploads?page=: upload history the caller may see (clerks: their region; admins: all). */
export const GET = apiRoute({ query: pageQuery }, async ({ viewer, query }) =>
  listBatches(await getDb(), viewer, query),
);

/**
 * POST /api/uploads (multipart: dataset, file, optional dryRun=true): check a file and, unless it
 * is a dry run, commit it. The answer is the import report, whatever the door. A few uploads at
 * a time per process (server/import/upload-slots.ts); beyond that 503 before the file is read.
 */
export const POST = apiRoute({}, async ({ request, viewer }) => {
  if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
  const release = takeUploadSlot();
  if (!release) {
    const seconds = UPLOAD_SLOTS.retryAfterSeconds;
    const busy = jsonError(request, 503, "import.api.busy", { seconds });
    busy.headers.set("Retry-After", String(seconds));
    return busy;
  }
  try {
    return await receiveAndImport(request, viewer);
  } finally {
    release();
  }
});

async function receiveAndImport(request: Request, viewer: Viewer): Promise<Response> {
  const received = await receiveUpload(request);
  if (!received.ok) {
    if (received.reason === "tooLarge") {
      return jsonError(request, 413, "import.file.tooLarge", { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
    }
    return jsonError(request, 400, received.reason === "noFile" ? "import.api.noFile" : "import.api.badForm");
  }
  try {
    const dataset = received.fields.dataset;
    if (!(datasets as readonly string[]).includes(dataset)) return jsonError(request, 400, "import.api.badDataset");
    const report = await runImport(await getDb(), viewer, {
      dataset: dataset as (typeof datasets)[number],
      filePath: received.filePath,
      fileName: received.fileName,
      dryRun: received.fields.dryRun === "true",
      locale: localeOf(request.headers),
      source: request.headers.get("x-cadre-client") === "web" ? "web" : "api",
      ip: requestIp(request),
    });
    // A refused file is the person's mistake, not the server's: 422 with the full report.
    return NextResponse.json(report, { status: report.ok ? 200 : 422 });
  } finally {
    await received.cleanUp();
  }
}
