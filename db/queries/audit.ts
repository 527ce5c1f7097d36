import { and, desc, eq, or, sql } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import type { AuditRow } from "@/lib/api/admin";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAudit, type Principal } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { auditLog, users } from "../schema";
import { r, within } from "./rollup";

const a = alias(auditLog, "a");
const u = alias(users, "u");

export type AuditFilters = {
  user?: string;
  action?: string;
  region?: string;
  from?: string;
  to?: string;
  page: number;
};
export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, for administrators. `region` matches the region and everything below it. */
export async function listAudit(
  db: Db,
  viewer: Principal,
  filters: AuditFilters,
): Promise<{ rows: AuditRow[]; total: number }> {
  if (!canReadAudit(viewer)) throw new AccessDenied("forbiddenRole", { role: "admin" });
  const conditions = and(
    filters.user ? or(eq(u.username, filters.user.toLowerCase()), eq(a.actor, filters.user)) : undefined,
    filters.action ? eq(a.action, filters.action) : undefined,
    filters.region ? within(filters.region, r.ancestors) : undefined,
    filters.from ? sql`${a.at} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${a.at} < ${filters.to}::date + 1` : undefined,
  );
  const joined = <T extends PgSelect>(query: T) =>
    query.leftJoin(u, eq(u.id, a.actor)).leftJoin(r, eq(r.code, a.regionCode)).where(conditions);
  const [list, [count]] = await Promise.all([
    joined(
      db
        .select({
          id: a.id,
          at: sql<string>`to_char(${a.at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')`,
          actor: a.actor,
          username: u.username,
          action: a.action,
          ip: a.ip,
          regionCode: a.regionCode,
          regionName: r.nameZh,
          regionNameEn: r.nameEn,
          detail: a.detail,
        })
        .from(a)
        .$dynamic(),
    )
      .orderBy(desc(a.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    joined(
      db
        .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
        .from(a)
        .$dynamic(),
    ),
  ]);
  return { rows: list, total: count.total };
}
