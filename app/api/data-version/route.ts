import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { dataVersion } from "@/db/queries/meta";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/data-version: a token that changes whenever published figures do (db/queries/meta.ts),
 * which the wall screen polls before asking for its data again. Never cached on the way.
 */
export const GET = apiRoute({ screen: true }, async () =>
  NextResponse.json({ version: await dataVersion(await getDb()) }, { headers: { "cache-control": "no-store" } }),
);
