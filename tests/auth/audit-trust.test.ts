import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as figuresRoute from "@/app/api/figures/route";
import * as usersRoute from "@/app/api/users/route";
import { adoptConnection } from "@/db/client";
import { createUser } from "@/db/mutations/users";
import { prepareDatabase } from "@/db/prepare";
import { auditLog, signInFailures } from "@/db/schema";
import { operator } from "@/lib/auth/operator";
import { testDatabase } from "../helpers/db";

/**
 * What anonymous and signed-in callers can put into the append-only audit log: bounded, clean
 * usernames for failed sign-ins, no oversized bodies, and a record of every refused write.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const PASSWORD = "audit-trust-pass";
let viewerCookie = "";
let viewerId = "";

const ORIGIN = "http://localhost:3000";

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "10.70.0.1", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  adoptConnection(database);
  viewerId = (
    await createUser(database.db, operator(), {
      username: "looker",
      name: "looker",
      role: "viewer",
      regionCode: "150800",
      password: PASSWORD,
    })
  ).id;
  const response = await authRoute.POST(
    post("/api/auth/sign-in/username", JSON.stringify({ username: "looker", password: PASSWORD })),
  );
  expect(response.status).toBe(200);
  viewerCookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
});

afterAll(async () => {
  await database?.close();
});

async function lastAudit(action: string) {
  const [row] = await database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

async function auditCount() {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row.n;
}

describe("failed sign-ins in the audit log", () => {
  it("store at most 64 characters of a 200,000-character username", async () => {
    const response = await authRoute.POST(
      post("/api/auth/sign-in/username", JSON.stringify({ username: "a".repeat(200_000), password: "x" })),
    );
    expect(response.status).toBe(413);
    const long = await authRoute.POST(
      post(
        "/api/auth/sign-in/username",
        JSON.stringify({ username: `${"b".repeat(15_000)}`, password: "wrong-password" }),
      ),
    );
    expect(long.status).toBeLessThan(500);
    const row = await lastAudit("auth.sign_in_failed");
    expect(row.actor).toBe("b".repeat(64));
    const [failure] = await database.db
      .select()
      .from(signInFailures)
      .where(eq(signInFailures.username, "b".repeat(64)));
    expect(failure).toBeDefined();
  });

  it("store no control characters", async () => {
    const response = await authRoute.POST(
      post(
        "/api/auth/sign-in/username",
        JSON.stringify({ username: "evil\u0000\n\r\u001b[31mname\u007f", password: "wrong-password" }),
      ),
    );
    expect(response.status).toBeLessThan(500);
    expect((await lastAudit("auth.sign_in_failed")).actor).toBe("evil[31mname");
  });
});

describe("request bodies of /api/auth", () => {
  it("over 16 kB are refused with 413 and a message, not 500, and write nothing", async () => {
    const before = await auditCount();
    const huge = JSON.stringify({ username: "c".repeat(5 * 1024 * 1024), password: "x" });
    const response = await authRoute.POST(post("/api/auth/sign-in/username", huge));
    expect(response.status).toBe(413);
    expect((await response.json()).message).toBe("请求内容过大（最多 16 KB）。");
    // Without a Content-Length (a stream), the limit holds as well.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    expect((await authRoute.POST(post("/api/auth/sign-in/username", stream))).status).toBe(413);
    expect(await auditCount()).toBe(before);
  });
});

describe("refused writes", () => {
  it("are recorded as request.denied with method, path and reason", async () => {
    const response = await figuresRoute.POST(
      post(
        "/api/figures",
        JSON.stringify({ dataset: "promotions", region: "150800", year: 2023, quarter: 4, key: "乡村振兴", count: 9 }),
        { cookie: viewerCookie },
      ),
    );
    expect(response.status).toBe(403);
    expect(await lastAudit("request.denied")).toMatchObject({
      actor: viewerId,
      ip: "10.70.0.1",
      regionCode: "150800",
      detail: { method: "POST", path: "/api/figures", reason: "forbiddenRole" },
    });
    const user = await usersRoute.POST(
      post(
        "/api/users",
        JSON.stringify({ username: "sneaky", name: "x", role: "admin", regionCode: "150000", password: "long-enough" }),
        { cookie: viewerCookie },
      ),
    );
    expect(user.status).toBe(403);
    expect(await lastAudit("request.denied")).toMatchObject({
      actor: viewerId,
      detail: { method: "POST", path: "/api/users", reason: "forbiddenRole" },
    });
  });

  it("but refused reads are not (the log would fill with page views)", async () => {
    const before = await auditCount();
    const response = await usersRoute.GET(new Request(`${ORIGIN}/api/users`, { headers: { cookie: viewerCookie } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it("from another site are refused by the route itself, before the session is read", async () => {
    const before = await auditCount();
    const response = await figuresRoute.POST(
      post(
        "/api/figures",
        JSON.stringify({ dataset: "promotions", region: "150800", year: 2023, quarter: 4, key: "乡村振兴", count: 9 }),
        { cookie: viewerCookie, origin: "https://evil.example", host: "localhost:3000" },
      ),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe("拒绝来自其他网站的请求。");
    // A forged X-Forwarded-Host naming the other site is what scripts/serve.mjs drops; here it
    // would pass, so the server must drop it (tests/auth/client-address.test.ts).
    expect(await auditCount()).toBe(before);
  });
});
