import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptConnection } from "@/db/client";
import { createUser } from "@/db/mutations/users";
import { prepareDatabase } from "@/db/prepare";
import { operator } from "@/lib/auth/operator";
import { getAuth } from "@/server/auth/instance";
import { testDatabase } from "../helpers/db";

/**
 * The sign-in limits hold under parallel guessing and across usernames: the attempt is counted
 * before the password is checked, in one step with the check (on PGlite and on a Postgres server,
 * whichever DATABASE_URL picks).
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const PASSWORD = "throttle-test-pass";

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

async function signIn(username: string, password: string, ip: string) {
  const auth = await getAuth(false);
  return auth.handler(
    new Request("http://localhost:3000/api/auth/sign-in/username", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip, origin: "http://localhost:3000" },
      body: JSON.stringify({ username, password }),
    }),
  );
}

async function count(query: ReturnType<typeof sql>) {
  const result = await database.db.execute(query);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

describe("sign-in limits", () => {
  it("let at most 5 of 40 parallel wrong passwords for one username reach the password check", async () => {
    await newUser("raced");
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn("raced", `wrong-${i}`, `10.20.0.${i + 1}`).then((r) => r.status)),
    );
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBe(40 - checked);
    expect(await count(sql`select count(*)::int as n from sign_in_failures where username = 'raced'`)).toBe(checked);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and actor = 'raced'`,
      ),
    ).toBe(checked);
    // The right password waits too, until the window has passed.
    expect((await signIn("raced", PASSWORD, "10.20.1.1")).status).toBe(429);
  });

  it("refuse an address after 30 failures within 5 minutes, whatever the usernames", async () => {
    const ip = "10.30.0.1";
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await signIn(`sprayed-${i}`, "wrong-password", ip)).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(20).fill(429));
    // A real account from that address waits as well; the same account elsewhere does not.
    await newUser("behind-the-spray");
    expect((await signIn("behind-the-spray", PASSWORD, ip)).status).toBe(429);
    expect((await signIn("behind-the-spray", PASSWORD, "10.30.0.2")).status).toBe(200);
    const blocked = await database.db.execute(
      sql`select detail from audit_log where action = 'auth.sign_in_blocked' and ip = ${ip} order by id desc limit 1`,
    );
    expect((blocked as unknown as { rows: { detail: { limit: string } }[] }).rows[0].detail.limit).toBe("address");
  });

  it("refuse an address in parallel too: at most 30 of 60 reach the password check", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(`burst-${i}`, "wrong-password", "10.40.0.1").then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });

  it("leave a user who mistypes within the limits signed in, and an office behind one address at work", async () => {
    await newUser("mistyper");
    for (let i = 0; i < 4; i++) expect((await signIn("mistyper", "typo", "10.50.0.1")).status).toBe(401);
    expect((await signIn("mistyper", PASSWORD, "10.50.0.1")).status).toBe(200);
    // A success clears that username's failures: the count starts again.
    expect(await count(sql`select count(*)::int as n from sign_in_failures where username = 'mistyper'`)).toBe(0);

    // 31 colleagues behind one NAT address (one more than the address limit), each mistyping once before signing in.
    const office = "10.60.0.1";
    for (let i = 0; i < 31; i++) {
      await newUser(`colleague-${i}`);
      expect((await signIn(`colleague-${i}`, "typo", office)).status).toBe(401);
      expect((await signIn(`colleague-${i}`, PASSWORD, office)).status, `colleague-${i}`).toBe(200);
    }
  });
});
