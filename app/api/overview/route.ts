import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getOverview } from "@/db/queries/overview";
import { parseOverviewFilters } from "@/lib/filters";
import { badRequest, notFound } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET /api/overview?region=<code>&year=<yyyy>: headline figures and the per-child comparison. */
export async function GET(request: Request) {
  const filters = parseOverviewFilters(new URL(request.url).searchParams);
  if (!filters.success) return badRequest(filters.error);
  const overview = await getOverview(await getDb(), filters.data);
  if (!overview) return notFound(`region ${filters.data.region} does not exist`);
  return NextResponse.json(overview);
}
