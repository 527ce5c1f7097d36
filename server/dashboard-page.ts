import { notFound } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { atHome, parseFilters, type RawParams } from "@/lib/filters";
import { requireViewer } from "@/server/auth/page";

/**
 * The start of every dashboard page: its URL parsed with the page's filters (lib/filters.ts; a
 * link that does not parse is a 404, as the route handler's 400), the signed-in viewer, the
 * region defaulted to the viewer's home region, and the database.
 */
export async function openDashboard<S extends z.ZodType<{ region?: string }>>(
  schema: S,
  searchParams: Promise<RawParams>,
) {
  const parsed = parseFilters(schema, await searchParams);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  return { viewer, filters: atHome(parsed.data, viewer), db: await getDb() };
}
