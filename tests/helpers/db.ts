import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Connection, connect } from "@/db/connect";

/**
 * A fresh, migrated database for one test file. With DATABASE_URL it is a new database on that
 * server (so test files can run in parallel without seeing each other's rows, and CI exercises
 * real Postgres); without it, an in-memory PGlite. Either way `close()` leaves nothing behind.
 */
export async function testDatabase(): Promise<Connection & { name: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const connection = await connect({ pgliteDir: "memory://" });
    await migrateOrClose(connection);
    return { ...connection, name: "memory://" };
  }

  const name = `cadre_test_${randomBytes(6).toString("hex")}`;
  // The name is generated here (hex only), so quoting it as an identifier is safe.
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ databaseUrl: url.toString() });
  const dropDatabase = async () => {
    // FORCE: a test that failed mid-query may still hold a connection.
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  await migrateOrClose(connection, dropDatabase);
  return {
    ...connection,
    name,
    close: async () => {
      try {
        await connection.close();
      } finally {
        await dropDatabase();
      }
    },
  };
}

async function migrateOrClose(connection: Connection, cleanUp: () => Promise<void> = async () => {}) {
  try {
    await connection.migrate();
  } catch (error) {
    await connection.close().catch(() => {});
    await cleanUp().catch(() => {});
    throw error;
  }
}

/** CREATE/DROP DATABASE cannot run inside the database concerned, so use the server's given one. */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The database's own message for a refused statement (Drizzle wraps the driver's error as its
 * cause), so a test fails if a statement is refused for some other reason than the one expected.
 */
export async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as Error).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  throw new Error("the statement was accepted");
}
