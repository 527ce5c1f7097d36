import { asc, eq } from "drizzle-orm";
import type { UserRow } from "@/lib/api/admin";
import { AccessDenied } from "@/lib/auth/errors";
import { canManageUsers, type Principal } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { regions, users } from "../schema";

/** Every account, for administrators only. */
export async function listUsers(db: Db, viewer: Principal): Promise<UserRow[]> {
  if (!canManageUsers(viewer)) throw new AccessDenied("forbiddenRole", { role: "admin" });
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      regionName: regions.nameZh,
      regionNameEn: regions.nameEn,
      disabled: users.disabled,
      personnel: users.personnel,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
