import type { z } from "zod";
import { auditQuery } from "@/lib/schemas";

/**
 * The audit page's URL filters: the same schema GET /api/audit parses (lib/schemas.ts), so the
 * page's query string is handed to the API as it is and a copied link reproduces the view.
 */
export type AuditFilters = z.infer<typeof auditQuery>;
export const filterKeys = ["user", "action", "region", "from", "to"] as const;
export type FilterKey = (typeof filterKeys)[number];

type RawParams = Record<string, string | string[] | undefined>;

export function parseAuditFilters(params: RawParams) {
  const plain: Record<string, string> = {};
  for (const key of [...filterKeys, "page"]) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first?.trim()) plain[key] = first;
  }
  return auditQuery.safeParse(plain);
}

/** The query string of a view; empty filters and the first page are left out. */
export function auditSearch(filters: Partial<AuditFilters>): string {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (filters.page && filters.page > 1) query.set("page", String(filters.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
