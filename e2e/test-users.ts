import { type APIRequestContext, expect, request } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";

/**
 * Accounts made for one test, through the admin API, so that a test signs in as exactly the
 * role and home region it is about, and tests which lock, disable or re-password an account
 * never touch the demo accounts other specs sign in with.
 */
let serial = 0;

export function freshUsername(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${++serial}`.slice(0, 32);
}

/** The demo admin, signed in in a request context of its own (its own cookie jar). */
export async function adminApi(baseURL: string | undefined): Promise<APIRequestContext> {
  return apiAs(baseURL, { username: "admin", password: DEMO_PASSWORD });
}

/** A request context of its own signed in as `user`: for setting up data as that user. */
export async function apiAs(
  baseURL: string | undefined,
  user: { username: string; password: string },
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post("/api/auth/sign-in/username", {
    data: { username: user.username, password: user.password },
  });
  expect(response.status(), `${user.username} signs in`).toBe(200);
  return api;
}

export type Role = "viewer" | "clerk" | "admin" | "display";
export type NewUser = { id: string; username: string; name: string; password: string };
export type UserOptions = { prefix: string; role?: Role; regionCode?: string; password?: string; personnel?: boolean };

export async function createUser(
  admin: APIRequestContext,
  { prefix, role = "viewer", regionCode = "150800", password = "first-pass-1", personnel = false }: UserOptions,
): Promise<NewUser> {
  const username = freshUsername(prefix);
  const name = `测试用户 ${username}`;
  const response = await admin.post("/api/users", {
    data: { username, name, role, regionCode, password, personnel },
  });
  expect(response.status(), `create ${username}`).toBe(200);
  const { id } = await response.json();
  return { id, username, name, password };
}

/**
 * The demo admin that makes the accounts, signed in once per server and worker: a test's account
 * then costs one request. Nothing else signs in with this context, so nothing changes its session.
 */
const accountMakers = new Map<string, Promise<APIRequestContext>>();

/** Accounts for one test, made by the demo admin. */
export async function newUsers(baseURL: string | undefined, ...options: UserOptions[]): Promise<NewUser[]> {
  const key = baseURL ?? "";
  let maker = accountMakers.get(key);
  if (!maker) {
    maker = adminApi(baseURL);
    accountMakers.set(key, maker);
    // A failed sign-in is reported once, and the next test tries again.
    maker.catch(() => accountMakers.delete(key));
  }
  const admin = await maker;
  const users: NewUser[] = [];
  for (const option of options) users.push(await createUser(admin, option));
  return users;
}

/** One account for one test (see newUsers). */
export async function newUser(baseURL: string | undefined, options: UserOptions): Promise<NewUser> {
  const [user] = await newUsers(baseURL, options);
  return user;
}
