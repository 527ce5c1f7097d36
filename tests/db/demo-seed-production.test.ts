import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { DEMO_ACCOUNTS, loadDemo, PublishedPasswordRefused } from "@/db/seed/demo";
import { testDatabase } from "../helpers/db";

/**
 * `npm run db:seed -- --demo` on a production server database must not create the demo
 * accounts with the password the README publishes: the operator gives one (at least 8
 * characters, not demo12345) or nothing is created. Outside production it keeps demo12345,
 * which the end-to-end tests sign in with. Runs the real script against fresh databases on the
 * Postgres server (DATABASE_URL, else the local server when one answers).
 */
const LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const serverUrl = process.env.DATABASE_URL ?? ((await reachable(LOCAL_SERVER)) ? LOCAL_SERVER : undefined);

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the server for one run of the script; dropped afterwards. */
async function withDatabase(test: (url: string) => Promise<void>) {
  const server = serverUrl as string;
  const name = `cadre_test_${randomBytes(6).toString("hex")}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await test(url.toString());
  } finally {
    await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

function seed(
  url: string,
  nodeEnv: "production" | "development",
  stdin: string,
): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NODE_ENV: nodeEnv };
  delete env.PGLITE_DIR;
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/db.ts", "seed", "--demo"], { env });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

/** Demo accounts and batches now in the database, and the admin's password hash. */
async function state(url: string) {
  return onServer(url, async (c) => {
    const exists = await c.query(`select to_regclass('public.users') is not null as present`);
    if (!exists.rows[0].present) return { users: 0, batches: 0, adminHash: null };
    const users = await c.query(`select count(*)::int as n from users`);
    const batches = await c.query(`select count(*)::int as n from upload_batches`);
    const admin = await c.query(
      `select a.password from accounts a join users u on u.id = a.user_id where u.username = 'admin'`,
    );
    return {
      users: users.rows[0].n,
      batches: batches.rows[0].n,
      adminHash: (admin.rows[0]?.password ?? null) as string | null,
    };
  });
}

describe.skipIf(!serverUrl)("demo accounts on a production database", () => {
  it.each([
    ["the published password", "demo12345\n", /demo12345/],
    ["a password of fewer than 8 characters", "short\n", /8/],
    ["no password at all", "", /8/],
  ])("are refused with %s, and nothing is loaded", async (_, stdin, message) => {
    await withDatabase(async (url) => {
      const run = await seed(url, "production", stdin);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(message);
      expect(await state(url)).toMatchObject({ users: 0, batches: 0 });
    });
  });

  it("get the password the operator gives, read from standard input", async () => {
    await withDatabase(async (url) => {
      const run = await seed(url, "production", "operator-chosen-2024\n");
      expect(run.output).not.toMatch(/demo12345/);
      expect(run.code).toBe(0);
      const { users, batches, adminHash } = await state(url);
      expect(users).toBe(DEMO_ACCOUNTS.length);
      expect(batches).toBeGreaterThan(0);
      expect(await verifyPassword({ hash: adminHash as string, password: "operator-chosen-2024" })).toBe(true);
      expect(await verifyPassword({ hash: adminHash as string, password: "demo12345" })).toBe(false);
    });
  }, 180_000);

  it("keep demo12345 outside production, without asking", async () => {
    await withDatabase(async (url) => {
      const run = await seed(url, "development", "");
      expect(run.code).toBe(0);
      const { users, adminHash } = await state(url);
      expect(users).toBe(DEMO_ACCOUNTS.length);
      expect(await verifyPassword({ hash: adminHash as string, password: "demo12345" })).toBe(true);
    });
  }, 180_000);
});

describe("the data layer", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses the published password on a production server database, whatever the door, before loading anything", async () => {
    const database = await testDatabase();
    try {
      await prepareDatabase(database, { demo: false });
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("DATABASE_URL", "postgres://cadre@db.example:5432/cadre");
      await expect(loadDemo(database.db)).rejects.toBeInstanceOf(PublishedPasswordRefused);
      const [loaded] = await rows<{ batches: number; users: number }>(
        database.db,
        sql`select (select count(*)::int from upload_batches) as batches, (select count(*)::int from users) as users`,
      );
      expect(loaded).toEqual({ batches: 0, users: 0 });
    } finally {
      vi.unstubAllEnvs();
      await database.close();
    }
  });
});
