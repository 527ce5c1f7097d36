import { sql } from "drizzle-orm";
import type { AuditRow } from "@/lib/api/admin";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAudit, type Principal } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { r, within } from "./rollup";
import { rows } from "./sql";

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
  const where = sql.join(
    [
      sql`true`,
      filters.user ? sql`(u.username = ${filters.user.toLowerCase()} or a.actor = ${filters.user})` : undefined,
      filters.action ? sql`a.action = ${filters.action}` : undefined,
      filters.region ? within(filters.region, r.ancestors) : undefined,
      filters.from ? sql`a.at >= ${filters.from}::date` : undefined,
      filters.to ? sql`a.at < ${filters.to}::date + 1` : undefined,
    ].filter((part) => part !== undefined),
    sql` and `,
  );
  const from = sql`from audit_log a left join users u on u.id = a.actor left join regions r on r.code = a.region_code`;
  const [list, [count]] = await Promise.all([
    rows<AuditRow>(
      db,
      sql`select a.id::int as id, to_char(a.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as at,
                 a.actor, u.username, a.action, a.ip, a.region_code as "regionCode", r.name_zh as "regionName", r.name_en as "regionNameEn", a.detail
          ${from} where ${where}
          order by a.id desc limit ${AUDIT_PAGE_SIZE} offset ${(filters.page - 1) * AUDIT_PAGE_SIZE}`,
    ),
    rows<{ total: number }>(db, sql`select count(*)::int as total ${from} where ${where}`),
  ]);
  return { rows: list, total: count.total };
}
