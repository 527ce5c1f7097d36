import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { ApiError } from "@/lib/api";
import type { roleSchema } from "@/lib/schemas";

export type Role = z.infer<typeof roleSchema>;

/**
 * The admin pages' side of the JSON API: shapes of GET /api/users and GET /api/audit, their
 * query options (shared by the server page's prefetch and the client), and the writes.
 */
export type UserRow = {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  regionName: string;
  disabled: boolean;
  createdAt: string;
};

export type AuditRow = {
  id: number;
  /** Already in Beijing time, `YYYY-MM-DD HH:MM:SS`. */
  at: string;
  /** A user id, `cli:<os user>`, `system`, or the username a failed sign-in tried. */
  actor: string;
  username: string | null;
  action: string;
  ip: string | null;
  regionCode: string | null;
  regionName: string | null;
  detail: Record<string, unknown>;
};

export type AuditPage = { rows: AuditRow[]; total: number };

export type NewUser = { username: string; name: string; role: Role; regionCode: string; password: string };
export type UserChanges = Partial<{ role: Role; regionCode: string; disabled: boolean }>;

async function call<T>(url: string, init?: { method: string; body: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: { accept: "application/json", ...(init ? { "content-type": "application/json" } : {}) },
    body: init ? JSON.stringify(init.body) : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body?.message ?? response.statusText);
  return body as T;
}

/** Every key below starts with "admin", so one invalidation refreshes users and the audit log. */
export const usersKey = ["admin", "users"] as const;
export const usersQuery = () =>
  queryOptions({ queryKey: usersKey, queryFn: () => call<{ users: UserRow[] }>("/api/users") });

export const auditKey = (search: string) => ["admin", "audit", search] as const;
/** `search` is the page's URL query (`?action=…&page=2`), which GET /api/audit takes as it is. */
export const auditLogQuery = (search: string) =>
  queryOptions({ queryKey: auditKey(search), queryFn: () => call<AuditPage>(`/api/audit${search}`) });

export const createUser = (user: NewUser) =>
  call<{ id: string; username: string }>("/api/users", { method: "POST", body: user });

export const updateUser = (id: string, changes: UserChanges) =>
  call<{ ok: true }>(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: changes });

export const resetPassword = (id: string, password: string) =>
  call<{ ok: true }>(`/api/users/${encodeURIComponent(id)}/password`, { method: "POST", body: { password } });
