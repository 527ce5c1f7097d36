import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "./fixtures";
import { commitRows } from "./test-data";
import { apiAs, newUser } from "./test-users";

/**
 * Several servers, one database: two more production server processes on the test run's Postgres
 * database beside the one the other specs use. A session made on one works on the others, a
 * commit on one is in the next read of the others (their answer caches are keyed by the data
 * version in the database), the sign-in throttle counts across them, the reminders are made once,
 * and two servers starting at the same moment on an empty database apply each migration once.
 * Postgres only: an embedded database belongs to one process.
 */
const DATABASE_URL = process.env.DATABASE_URL;
test.skip(!DATABASE_URL, "several processes share a Postgres server only");
test.describe.configure({ mode: "serial" });

const basePort = Number(process.env.E2E_PORT ?? 3100);
type Running = { url: string; child: ChildProcess; log: string[] };

function databaseUrl(name?: string): string {
  const url = new URL(DATABASE_URL as string);
  if (name) url.pathname = `/${name}`;
  return url.toString();
}

/** A production server (scripts/serve.mjs) on a loopback port, with its own output kept for failures. */
async function startServer(port: number, database: string): Promise<Running> {
  const { PGLITE_DIR: _, ...env } = process.env;
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, DATABASE_URL: database },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  return { url: `http://127.0.0.1:${port}`, child, log };
}

async function healthy(server: Running, within = 120_000) {
  const until = Date.now() + within;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server stopped:\n${server.log.join("").slice(-2000)}`);
    const ok = await fetch(`${server.url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy in time:\n${server.log.join("").slice(-2000)}`);
}

async function stop(server: Running | undefined) {
  if (!server?.child.pid || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  process.kill(-server.child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.child.exitCode === null) process.kill(-server.child.pid, "SIGKILL");
}

async function onDatabase<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

let one: Running | undefined;
let two: Running | undefined;
let noticesBefore = 0;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The first server's own run of the reminders may still be under way: wait until it is done.
  const notices = () =>
    onDatabase(databaseUrl(), async (c) => Number((await c.query("select count(*) as n from notices")).rows[0].n));
  noticesBefore = await notices();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const now = await notices();
    if (now === noticesBefore) break;
    noticesBefore = now;
  }
  [one, two] = await Promise.all([
    startServer(basePort + 11, databaseUrl()),
    startServer(basePort + 12, databaseUrl()),
  ]);
  await Promise.all([healthy(one), healthy(two)]);
});

test.afterAll(async () => {
  await Promise.all([stop(one), stop(two)]);
});

const signedIn = async (baseURL: string, user: { username: string; password: string }) => apiAs(baseURL, user);
const summaryOf = async (api: APIRequestContext) => {
  const response = await api.get("/api/summary?region=150822&year=2024&quarter=3");
  expect(response.status()).toBe(200);
  return (await response.json()) as { promotions: { total: number } };
};

test("the reminders are made once, whichever servers run the job", async () => {
  // The job starts with each server and runs in the background: give both runs time to finish
  // (one run over the demo's periods takes about a second).
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const { total, distinct } = await onDatabase(databaseUrl(), async (c) => {
    const row = (await c.query("select count(*) as total, count(distinct dedupe_key) as distinct from notices"))
      .rows[0];
    return { total: Number(row.total), distinct: Number(row.distinct) };
  });
  // Both new servers ran the job at start (first of these tests, before anything else could add a
  // notice): it made nothing the first server had not made.
  expect(total).toBe(noticesBefore);
  expect(distinct).toBe(total);
});

test("a session made on one server is good on the other", async ({ baseURL }) => {
  const user = await newUser(baseURL, { prefix: "e2e-servers", role: "viewer", regionCode: "150800" });
  const onOne = await signedIn(one?.url as string, user);
  const onTwo = await request.newContext({ baseURL: two?.url, storageState: await onOne.storageState() });
  const me = await onTwo.get("/api/me");
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { username: string }).username).toBe(user.username);
  await Promise.all([onOne.dispose(), onTwo.dispose()]);
});

test("a commit on one server is in the next read of the other", async () => {
  const admin = { username: "admin", password: DEMO_PASSWORD };
  const [onOne, onTwo] = await Promise.all([signedIn(one?.url as string, admin), signedIn(two?.url as string, admin)]);
  // Read on the second server first, so that it holds the answer in its cache.
  const before = await summaryOf(onTwo);
  expect(await summaryOf(onTwo)).toEqual(before);
  await commitRows(onOne, "promotions", [
    ["地区", "年度", "季度", "领域", "人数"],
    ["磴口县", 2024, 3, "其他一线", 5000 + (Date.now() % 900)],
  ]);
  const after = await summaryOf(onTwo);
  expect(after.promotions.total).not.toBe(before.promotions.total);
  expect(after).toEqual(await summaryOf(onOne));
  await Promise.all([onOne.dispose(), onTwo.dispose()]);
});

test("the sign-in throttle counts the failures on both servers", async ({ baseURL }) => {
  const user = await newUser(baseURL, { prefix: "e2e-throttle", role: "viewer", regionCode: "150800" });
  const attempt = async (server: Running | undefined, password: string) => {
    const context = await request.newContext({ baseURL: server?.url });
    const response = await context.post("/api/auth/sign-in/username", { data: { username: user.username, password } });
    await context.dispose();
    return response.status();
  };
  // Five wrong passwords, taking turns: neither server saw more than three.
  for (const server of [one, two, one, two, one]) expect(await attempt(server, "wrong-password")).toBe(401);
  expect(await attempt(two, user.password)).toBe(429);
  expect(await attempt(one, user.password)).toBe(429);
});

test("two servers starting at once on an empty database apply each migration once", async () => {
  test.setTimeout(240_000);
  const name = `cadre_servers_${randomBytes(5).toString("hex")}`;
  await onDatabase(databaseUrl(), (c) => c.query(`create database "${name}"`));
  let three: Running | undefined;
  let four: Running | undefined;
  try {
    [three, four] = await Promise.all([
      startServer(basePort + 13, databaseUrl(name)),
      startServer(basePort + 14, databaseUrl(name)),
    ]);
    await Promise.all([healthy(three), healthy(four)]);
    const migrations = fs.readdirSync(path.join(process.cwd(), "drizzle")).filter((f) => f.endsWith(".sql"));
    const applied = await onDatabase(databaseUrl(name), async (c) => {
      const row = (await c.query("select count(*) as n, count(distinct hash) as d from drizzle.__drizzle_migrations"))
        .rows[0];
      return { count: Number(row.n), distinct: Number(row.d) };
    });
    expect(applied).toEqual({ count: migrations.length, distinct: migrations.length });
    for (const server of [three, four]) {
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, database: "postgres" });
    }
  } finally {
    await Promise.all([stop(three), stop(four)]);
    await onDatabase(databaseUrl(), (c) => c.query(`drop database if exists "${name}" with (force)`));
  }
});
