import { type APIRequestContext, expect, request } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";

/**
 * Accounts made for one test, through the admin API, so that tests which lock, disable or
 * re-password an account never touch the demo accounts other specs sign in with.
 */
let serial = 0;

export function freshUsername(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${++serial}`.slice(0, 32);
}

/** The demo admin, signed in in a request context of its own (its own cookie jar). */
export async function adminApi(baseURL: string | undefined): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post("/api/auth/sign-in/username", {
    data: { username: "admin", password: DEMO_PASSWORD },
  });
  expect(response.status(), "admin signs in").toBe(200);
  return api;
}

export type NewUser = { id: string; username: string; password: string };

export async function createUser(
  admin: APIRequestContext,
  {
    prefix,
    role = "viewer",
    regionCode = "150800",
    password = "first-pass-1",
  }: {
    prefix: string;
    role?: "viewer" | "clerk" | "admin";
    regionCode?: string;
    password?: string;
  },
): Promise<NewUser> {
  const username = freshUsername(prefix);
  const response = await admin.post("/api/users", {
    data: { username, name: `测试用户 ${username}`, role, regionCode, password },
  });
  expect(response.status(), `create ${username}`).toBe(200);
  const { id } = await response.json();
  return { id, username, password };
}
