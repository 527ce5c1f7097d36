import type { z } from "zod";
import { getDb } from "@/db/client";
import { getRegionPath } from "@/db/queries/regions";
import { atHome, queryObject, type RawParams } from "@/lib/filters";
import type { ViewNotice } from "@/lib/types";
import { requireViewer } from "@/server/auth/page";


/** The period is one thing in a URL: a bad part of it drops all of it. */
const PERIOD_KEYS = ["year", "quarter", "from", "to"];

/**
 * A page's URL read leniently: what does not parse is left out (and named), so that a mistyped
 * or outdated link still shows the rest of the view it asked for. The route handlers stay strict.
 */
function lenientParse<S extends z.ZodType>(schema: S, params: RawParams) {
  const query = queryObject(params);
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = schema.safeParse(query);
    if (parsed.success) return { data: parsed.data as z.output<S>, dropped };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      for (const k of PERIOD_KEYS.includes(key) ? PERIOD_KEYS : [key]) {
        if (k in query) {
          dropped.push(`${k}=${query[k]}`);
          delete query[k];
        }
      }
    }
  }
  return { data: schema.parse({}) as z.output<S>, dropped };
}

/**
 * The start of every dashboard page: its URL parsed with the page's filters (lib/filters.ts), the
 * signed-in viewer, the region defaulted to the viewer's home region, and the database. A link
 * that does not parse, or names a region that does not exist, falls back to the default view
 * with a notice instead of a 404: people follow old links and mistype codes.
 */
export async function openDashboard<S extends z.ZodType<{ region?: string }>>(
  schema: S,
  searchParams: Promise<RawParams>,
) {
  const { data, dropped } = lenientParse(schema, await searchParams);
  const viewer = await requireViewer();
  const db = await getDb();
  let filters = atHome(data, viewer);
  let notice: ViewNotice | null = dropped.length ? { kind: "badParameters", parameters: dropped.join("&") } : null;
  if (filters.region !== viewer.regionCode && !(await getRegionPath(db, filters.region))) {
    const home = await getRegionPath(db, viewer.regionCode);
    notice = { kind: "unknownRegion", code: filters.region, home: home ?? { nameZh: viewer.regionCode, nameEn: null } };
    filters = { ...filters, region: viewer.regionCode };
  }
  return { viewer, filters, db, notice };
}
