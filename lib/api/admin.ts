import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Role as PermissionRole } from "@/lib/auth/permissions";
import type { roleSchema } from "@/lib/schemas";
import { getJson, sendJson } from "./client";

/**
 * The admin pages' side of the JSON API: query options for GET /api/users and GET /api/audit
 * (shared by the server page's prefetch and the client), and the writes.
 */

export type Role = z.infer<typeof roleSchema>;

export type UserRow = {
  id: string;
  username: string;
  name: string;
  role: PermissionRole;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  disabled: boolean;
  /** May read named personnel evaluations (五看一测, 适岗指数). */
  personnel: boolean;
  createdAt: string;
};

export type AuditRow = {
  id: number;
  at: string;
  actor: string;
  username: string | null;
  action: string;
  ip: string | null;
  regionCode: string | null;
  regionName: string | null;
  regionNameEn: string | null;
  detail: Record<string, unknown>;
};

export type AuditPage = { rows: AuditRow[]; total: number };

export type NewUser = {
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  password: string;
  personnel?: boolean;
};
export type UserChanges = Partial<{ role: Role; regionCode: string; disabled: boolean; personnel: boolean }>;

/** Every key below starts with "admin", so one invalidation refreshes users and the audit log. */
export const usersKey = ["admin", "users"] as const;
export const usersQuery = () =>
  queryOptions({ queryKey: usersKey, queryFn: () => getJson<{ users: UserRow[] }>("/api/users") });

export const auditKey = (search: string) => ["admin", "audit", search] as const;
/** `search` is the page's URL query (`?action=…&page=2`), which GET /api/audit takes as it is. */
export const auditLogQuery = (search: string) =>
  queryOptions({ queryKey: auditKey(search), queryFn: () => getJson<AuditPage>(`/api/audit${search}`) });

export const createUser = (user: NewUser) => sendJson<{ id: string; username: string }>("/api/users", user);

export const updateUser = (id: string, changes: UserChanges) =>
  sendJson<{ ok: true }>(`/api/users/${encodeURIComponent(id)}`, changes, "PATCH");

export const resetPassword = (id: string, password: string) =>
  sendJson<{ ok: true }>(`/api/users/${encodeURIComponent(id)}/password`, { password });
