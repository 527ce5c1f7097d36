import type { Locale } from "./config";

/**
 * Messages are split by area (one file per area and language) so that pages can grow without
 * one huge file; they are merged here into one tree of namespaces.
 */
const areas = [
  "core",
  "admin",
  "import",
  "upload",
  "dashboards",
  "profile",
  "rankings",
  "reports",
  "periods",
  "evaluations",
  "development",
  "organisations",
  "cycle",
  "care",
  "map",
  "screen",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(areas.map((area) => import(`../messages/${locale}/${area}.json`)));
  return Object.assign({}, ...parts.map((p) => p.default));
}
