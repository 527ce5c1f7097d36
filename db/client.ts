import { readEnv } from "@/server/env";
import { type Connection, connect, type Db } from "./connect";

/**
 * The application's one database handle. It lives on globalThis because Next.js loads this
 * module once per layer (route handlers, server components, instrumentation): separate copies
 * would open the same PGlite folder twice and silently lose writes. Opening only connects:
 * bringing the database up to date is the server start's job (db/startup.ts), so that the demo
 * seeder and the migrations are not part of every request's code.
 */
const holder = globalThis as unknown as {
  __cadreConnection?: Promise<Connection>;
  __cadreReadConnection?: Promise<Connection | null>;
};

export function getConnection(): Promise<Connection> {
  holder.__cadreConnection ??= (() => {
    const env = readEnv();
    return connect({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  })().catch((error) => {
    // Let the next request try again instead of caching the failure forever.
    holder.__cadreConnection = undefined;
    throw error;
  });
  return holder.__cadreConnection;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

/**
 * The read replica of DATABASE_READ_URL (with DATABASE_URL only), or null. Nothing is written or
 * migrated through it; server/read-cache.ts uses it only while it has caught up.
 */
export function getReadDb(): Promise<Db | null> {
  holder.__cadreReadConnection ??= (() => {
    const env = readEnv();
    if (!env.DATABASE_URL || !env.DATABASE_READ_URL) return Promise.resolve(null);
    return connect({ databaseUrl: env.DATABASE_READ_URL, pgliteDir: env.PGLITE_DIR });
  })().catch((error) => {
    holder.__cadreReadConnection = undefined;
    throw error;
  });
  return holder.__cadreReadConnection.then((connection) => connection?.db ?? null);
}

/**
 * Makes an already open connection the application's handle. For tests that call route
 * handlers directly against a database they created (a real one, never a stand-in).
 */
export function adoptConnection(connection: Connection, replica: Connection | null = null): void {
  holder.__cadreConnection = Promise.resolve(connection);
  holder.__cadreReadConnection = Promise.resolve(replica);
}
