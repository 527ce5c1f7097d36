import { loadsDemoAutomatically, readEnv } from "@/server/env";
import { getConnection } from "./client";
import { prepareDatabase } from "./prepare";

/**
 * Opens the database at server start and brings it up to date (migrations, reference regions
 * and, where the demo loads by itself, the demo data) before the first request. Requests only
 * connect (db/client.ts), so a server that could not prepare its database must not serve: it
 * stops with the reason, and the service manager's restart tries again.
 */
export async function openAtStartup(): Promise<void> {
  try {
    const connection = await getConnection();
    await prepareDatabase(connection, { demo: loadsDemoAutomatically(readEnv()) });
  } catch (error) {
    console.error(error instanceof Error && error.name === "PgliteFolderBusyError" ? error.message : error);
    process.exit(1);
  }
}
