import { getDb } from "@/db/client";
import { writeCountFigure } from "@/db/mutations/figures";
import { countFigureBody } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/figures: enter or correct one count (promotions or adjustments) of a region the caller may write. */
export const POST = apiRoute({ body: countFigureBody }, async ({ request, viewer, body }) =>
  writeCountFigure(await getDb(), viewer, body, requestIp(request)),
);
