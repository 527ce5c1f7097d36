/**
 * Fresh databases for benchmarks: on the Postgres server of DATABASE_URL a new database
 * bench_<random> (dropped afterwards); without it a new PGlite folder under the run's temp folder.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type Target = { kind: "postgres"; url: string } | { kind: "pglite"; tempDir: string };

export type FreshDatabase = {
  /** What connect() takes: a database URL or a PGlite folder. */
  location: { databaseUrl: string } | { pgliteDir: string };
  /** The URL or folder as one string, for a child process's command line. */
  arg: string;
  drop(): Promise<void>;
};

export function describeTarget(target: Target): string {
  if (target.kind === "pglite") return `PGlite (embedded, in the importing process; folders under ${target.tempDir})`;
  const url = new URL(target.url);
  return `Postgres server ${url.hostname}:${url.port || 5432}`;
}

export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

export async function freshDatabase(target: Target, label: string): Promise<FreshDatabase> {
  const name = `bench_${label}_${randomBytes(4).toString("hex")}`;
  if (target.kind === "pglite") {
    const dir = path.join(target.tempDir, name);
    return {
      location: { pgliteDir: dir },
      arg: dir,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  await admin(target.url, `create database ${name}`);
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return {
    location: { databaseUrl: url.toString() },
    arg: url.toString(),
    drop: () => admin(target.url, `drop database if exists ${name} with (force)`),
  };
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
