import { getDb } from "@/db/client";
import { writeCountFigure } from "@/db/mutations/figures";
import { apiRoute } from "@/lib/api-route";
import { requestIp } from "@/lib/request-ip";
import { countFigureBody } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** POST /api/figures: enter or correct one count (promotions or adjustments) of a region the caller may write. */
export const POST = apiRoute({ body: countFigureBody }, async ({ request, viewer, body }) =>
  writeCountFigure(await getDb(), viewer, body, requestIp(request)),
);
