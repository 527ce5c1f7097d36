import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptConnection } from "@/db/client";
import { createUser, updateUser } from "@/db/mutations/users";
import { prepareDatabase } from "@/db/prepare";
import { auditLog, sessions } from "@/db/schema";
import { operator } from "@/lib/auth/operator";
import { getAuth } from "@/server/auth/instance";
import { viewerFrom } from "@/server/auth/viewer";
import { testDatabase } from "../helpers/db";

let database: Awaited<ReturnType<typeof testDatabase>>;
const PASSWORD = "session-test-pass";

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  adoptConnection(database);
});

afterAll(async () => {
  await database?.close();
});

async function newUser(username: string) {
  return createUser(database.db, operator(), {
    username,
    name: username,
    role: "viewer",
    regionCode: "150800",
    password: PASSWORD,
  });
}

/** Signs in through better-auth's HTTP handler, as a browser or script would. */
async function signIn(username: string, password = PASSWORD, secure = false) {
  const auth = await getAuth(secure);
  return auth.handler(
    new Request(`${secure ? "https" : "http"}://localhost:3000/api/auth/sign-in/username`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": "10.1.2.3",
        origin: `${secure ? "https" : "http"}://localhost:3000`,
      },
      body: JSON.stringify({ username, password }),
    }),
  );
}

const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0];
const headersWith = (cookie: string) => new Headers({ cookie });

async function lastAudit(action: string) {
  const [row] = await database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS, and records the sign-in", async () => {
    const { id } = await newUser("cookie-user");
    const plain = await signIn("cookie-user");
    expect(plain.status).toBe(200);
    const setCookie = plain.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^cadre\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(setCookie).toMatch(/Max-Age=43200/);

    const secure = await signIn("cookie-user", PASSWORD, true);
    expect(secure.headers.get("set-cookie")).toMatch(/^__Secure-cadre\.session_token=.*;.*Secure/i);

    expect(await lastAudit("auth.sign_in")).toMatchObject({ actor: id, ip: "10.1.2.3" });
  });

  it("refuses the 6th failed attempt for one username within 5 minutes with 429 and when to retry", async () => {
    await newUser("guessed");
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signIn("guessed", "wrong-password")).status).toBe(401);
    }
    const blocked = await signIn("guessed", "wrong-password");
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/登录失败次数过多，请于 \d{2}:\d{2}:\d{2} 之后再试/);
    // Even the right password waits: the limit is on the username, not on the guess.
    expect((await signIn("guessed")).status).toBe(429);
    const failures = await database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and actor = 'guessed'`,
    );
    expect((failures as unknown as { rows: { n: number }[] }).rows[0].n).toBe(5);
    expect(await lastAudit("auth.sign_in_blocked")).toMatchObject({ actor: "guessed" });
    // Another username is not affected.
    await newUser("neighbour");
    expect((await signIn("neighbour")).status).toBe(200);
  });
});

describe("sessions", () => {
  it("end at once when the account is disabled, and a disabled account cannot sign in", async () => {
    const { id } = await newUser("soon-disabled");
    const cookie = cookieOf(await signIn("soon-disabled"));
    expect(await viewerFrom(headersWith(cookie))).toMatchObject({ id, role: "viewer", regionCode: "150800" });
    await updateUser(database.db, operator(), id, { disabled: true });
    expect(await viewerFrom(headersWith(cookie))).toBeNull();
    expect((await signIn("soon-disabled")).status).toBe(403);
    expect(await lastAudit("user.disable")).toMatchObject({ actor: operator().id });
  });

  it("end after 30 minutes without activity", async () => {
    const { id } = await newUser("idle-user");
    const cookie = cookieOf(await signIn("idle-user"));
    expect(await viewerFrom(headersWith(cookie))).not.toBeNull();
    await database.db
      .update(sessions)
      .set({ updatedAt: new Date(Date.now() - 31 * 60 * 1000) })
      .where(eq(sessions.userId, id));
    expect(await viewerFrom(headersWith(cookie))).toBeNull();
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
  });

  it("last 12 hours in all, whatever the activity", async () => {
    const { id } = await newUser("long-day");
    const cookie = cookieOf(await signIn("long-day"));
    const [session] = await database.db.select().from(sessions).where(eq(sessions.userId, id));
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeCloseTo(12 * 60 * 60 * 1000, -4);
    // Active a minute ago, but signed in 12 hours ago.
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), updatedAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.userId, id));
    expect(await viewerFrom(headersWith(cookie))).toBeNull();
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
  });

  it("are found only through a cookie whose signature matches, over HTTP and HTTPS alike", async () => {
    const { id } = await newUser("signed-only");
    const cookie = cookieOf(await signIn("signed-only"));
    const [name, value] = [
      cookie.slice(0, cookie.indexOf("=")),
      decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)),
    ];
    const [token, signature] = [value.slice(0, value.lastIndexOf(".")), value.slice(value.lastIndexOf(".") + 1)];
    expect(await viewerFrom(headersWith(`other=1; ${cookie}`))).toMatchObject({ id });
    // The token alone, a signature of another token, or a changed signature: nobody.
    expect(await viewerFrom(headersWith(`${name}=${token}`))).toBeNull();
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(await viewerFrom(headersWith(`${name}=${encodeURIComponent(`${token}.${flipped}`)}`))).toBeNull();
    expect(await viewerFrom(headersWith(`${name}=${encodeURIComponent(`${token}x.${signature}`)}`))).toBeNull();
    // A secure sign-in sets the __Secure- cookie, read only on requests that came over HTTPS.
    const secure = cookieOf(await signIn("signed-only", PASSWORD, true));
    expect(secure.startsWith("__Secure-")).toBe(true);
    expect(await viewerFrom(new Headers({ cookie: secure, "x-forwarded-proto": "https" }))).toMatchObject({ id });
    expect(await viewerFrom(headersWith(secure))).toBeNull();
  });

  it("record sign-out and password changes in the audit log", async () => {
    const { id } = await newUser("careful");
    const cookie = cookieOf(await signIn("careful"));
    const auth = await getAuth(false);
    const changed = await auth.handler(
      new Request("http://localhost:3000/api/auth/change-password", {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: "http://localhost:3000" },
        body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "a-new-password", revokeOtherSessions: true }),
      }),
    );
    expect(changed.status).toBe(200);
    expect(await lastAudit("auth.password_changed")).toMatchObject({ actor: id });
    const newCookie = cookieOf(changed) || cookie;
    const out = await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: newCookie, origin: "http://localhost:3000" },
        body: "{}",
      }),
    );
    expect(out.status).toBe(200);
    expect(await lastAudit("auth.sign_out")).toMatchObject({ actor: id });
    expect((await signIn("careful", "a-new-password")).status).toBe(200);
  });
});

describe("the audit log", () => {
  it("refuses UPDATE and DELETE whatever the caller", async () => {
    await expect(database.db.execute(sql`update audit_log set actor = 'someone else'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
