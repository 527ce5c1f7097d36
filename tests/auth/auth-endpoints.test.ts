import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import { adoptConnection } from "@/db/client";
import { createUser } from "@/db/mutations/users";
import { prepareDatabase } from "@/db/prepare";
import { operator } from "@/lib/auth/operator";
import { AUTH_ENDPOINTS_IN_USE } from "@/server/auth/auth";
import { getAuth } from "@/server/auth/instance";
import { testDatabase } from "../helpers/db";

/**
 * The product signs in by username, signs out, reads the session and changes a password; every
 * other better-auth endpoint (e-mail sign-in on the synthetic addresses, sign-up, renaming,
 * probing usernames, …) is refused with 404 and writes nothing, whoever calls.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const PASSWORD = "endpoint-test-pass";
let cookie = "";

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  adoptConnection(database);
  await createUser(database.db, operator(), {
    username: "probe",
    name: "probe",
    role: "viewer",
    regionCode: "150800",
    password: PASSWORD,
  });
  const response = await call("POST", "/sign-in/username", { username: "probe", password: PASSWORD });
  expect(response.status).toBe(200);
  cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
});

afterAll(async () => {
  await database?.close();
});

async function call(method: "GET" | "POST", path: string, body?: unknown, withCookie = "") {
  const headers = new Headers({ origin: "http://localhost:3000", "x-forwarded-for": "10.9.9.9" });
  if (body !== undefined) headers.set("content-type", "application/json");
  if (withCookie) headers.set("cookie", withCookie);
  const request = new Request(`http://localhost:3000/api/auth${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const handler = method === "GET" ? authRoute.GET : authRoute.POST;
  return handler(request);
}

/** Everything an endpoint could change: accounts, credentials, sessions, tokens, the audit log. */
async function snapshot() {
  const result = await database.db.execute(sql`
    select (select json_agg(u order by id) from users u) as users,
           (select json_agg(a order by id) from accounts a) as accounts,
           (select json_agg(s order by id) from sessions s) as sessions,
           (select count(*)::int from verifications) as verifications,
           (select count(*)::int from audit_log) as audit,
           (select count(*)::int from sign_in_failures) as failures`);
  return (result as unknown as { rows: unknown[] }).rows[0];
}

const email = "probe@users.cadre.invalid";
/** Each unused endpoint with a body that would do its harm if the endpoint were open. */
const unused: [method: "GET" | "POST", path: string, body?: unknown][] = [
  ["POST", "/sign-in/email", { email, password: PASSWORD }],
  ["POST", "/sign-in/email", { email, password: "a-guess" }],
  [
    "POST",
    "/sign-up/email",
    { email: "new@users.cadre.invalid", password: PASSWORD, name: "新人", username: "newcomer" },
  ],
  ["POST", "/update-user", { username: "renamed", name: "改名" }],
  ["POST", "/is-username-available", { username: "probe" }],
  ["POST", "/sign-in/social", { provider: "github" }],
  ["GET", "/callback/credential"],
  ["POST", "/callback/credential", {}],
  ["POST", "/reset-password", { newPassword: "another-pass-1", token: "x" }],
  ["GET", "/reset-password/some-token?callbackURL=/"],
  ["POST", "/request-password-reset", { email }],
  ["POST", "/verify-password", { password: PASSWORD }],
  ["GET", "/verify-email?token=x"],
  ["POST", "/send-verification-email", { email }],
  ["POST", "/change-email", { newEmail: "other@users.cadre.invalid" }],
  ["POST", "/update-session", {}],
  ["POST", "/delete-user", { password: PASSWORD }],
  ["GET", "/delete-user/callback?token=x"],
  ["GET", "/list-sessions"],
  ["POST", "/revoke-session", { token: "x" }],
  ["POST", "/revoke-sessions", {}],
  ["POST", "/revoke-other-sessions", {}],
  ["POST", "/link-social", { provider: "github" }],
  ["GET", "/list-accounts"],
  ["POST", "/unlink-account", { providerId: "credential" }],
  ["POST", "/refresh-token", { providerId: "credential" }],
  ["POST", "/get-access-token", { providerId: "credential" }],
  ["GET", "/account-info"],
  ["GET", "/ok"],
  ["GET", "/error"],
  // The used endpoints with a method the product does not use.
  ["POST", "/get-session", {}],
  ["GET", "/sign-in/username"],
  // Spellings that are not the allowed path itself.
  ["POST", "/sign-in/username/", { username: "probe", password: PASSWORD }],
  ["POST", "//sign-in/email", { email, password: PASSWORD }],
  ["POST", "/sign-in%2Femail", { email, password: PASSWORD }],
];

describe("better-auth endpoints the product does not use", () => {
  it.each(unused.map(([method, path, body]) => [`${method} ${path}`, method, path, body] as const))(
    "%s is refused with 404 and writes nothing, signed in or not",
    async (_name, method, path, body) => {
      for (const withCookie of ["", cookie]) {
        const before = await snapshot();
        const response = await call(method, path, body, withCookie);
        expect(response.status).toBe(404);
        expect(await snapshot()).toEqual(before);
      }
    },
  );

  it("are switched off in the library too (disabledPaths), for every endpoint it has", async () => {
    const auth = await getAuth(false);
    const inUse = new Set(AUTH_ENDPOINTS_IN_USE.map((e) => e.split(" ")[1]));
    const paths = Object.values(auth.api)
      .map((endpoint) => (endpoint as { path?: string }).path)
      .filter((path): path is string => typeof path === "string" && !inUse.has(path));
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      // Paths with a parameter (/callback/:id) are refused by the route's allow-list alone.
      if (path.includes(":")) continue;
      expect(auth.options.disabledPaths, path).toContain(path);
      const response = await auth.handler(
        new Request(`http://localhost:3000/api/auth${path}`, {
          method: "POST",
          headers: { origin: "http://localhost:3000", "content-type": "application/json" },
          body: "{}",
        }),
      );
      expect(response.status, path).toBe(404);
    }
  });

  it("leave the endpoints in use working: get-session, change-password, sign-out", async () => {
    expect((await call("GET", "/get-session", undefined, cookie)).status).toBe(200);
    const changed = await call(
      "POST",
      "/change-password",
      { currentPassword: PASSWORD, newPassword: "changed-pass-1", revokeOtherSessions: true },
      cookie,
    );
    expect(changed.status).toBe(200);
    const fresh = (changed.headers.get("set-cookie") ?? "").split(";")[0] || cookie;
    expect((await call("POST", "/sign-out", {}, fresh)).status).toBe(200);
    expect((await call("POST", "/sign-in/username", { username: "probe", password: "changed-pass-1" })).status).toBe(
      200,
    );
  });
});
