import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquirePgliteLock } from "./pglite-lock";
import { emptyTarball, seedFolder } from "./pglite-template";
import * as schema from "./schema";

/** One Drizzle type for the embedded database and the server alike. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Connection = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the committed migrations in drizzle/ (concurrent starts on a server wait in turn). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type ConnectOptions = {
  databaseUrl?: string;
  pgliteDir?: string;
  /** A one-shot command (an import from the command line): a small buffer pool keeps its memory low. */
  small?: boolean;
};

const migrationsFolder = path.join(process.cwd(), "drizzle");
/** Any constant will do; it only has to be the same in every process of this application. */
const MIGRATION_LOCK = 2_150_000;

export async function connect({ databaseUrl, pgliteDir = "memory://", small }: ConnectOptions): Promise<Connection> {
  if (databaseUrl) return connectServer(databaseUrl);
  return connectPglite(pgliteDir, Boolean(small));
}

async function connectPglite(dir: string, small: boolean): Promise<Connection> {
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    release = acquirePgliteLock(dir);
    // PGlite creates only the last folder of the path.
    fs.mkdirSync(dir, { recursive: true });
  }
  try {
    if (!inMemory) await seedFolder(dir);
    const client = await PGlite.create(inMemory ? dir : path.resolve(dir), {
      loadDataDir: inMemory ? await emptyTarball() : undefined,
      postgresqlconf: small ? ["shared_buffers = 16MB"] : undefined,
    });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function connectServer(url: string): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (a restart, a dropped database) must not crash the app:
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
