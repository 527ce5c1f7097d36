import { sql } from "drizzle-orm";
import type { Connection } from "./connect";
import { rows } from "./queries/sql";
import { createDemoAccounts, seedDemo } from "./seed/demo";
import { loadReferenceRegions } from "./seed/reference";

/**
 * Brings a database up to date: migrations, then the reference regions, then (when asked) the
 * demo data, but only into a database that holds no batch yet, so it never mixes with real uploads.
 */
export async function prepareDatabase(connection: Connection, { demo }: { demo: boolean }) {
  await connection.migrate();
  const regionsAdded = await loadReferenceRegions(connection.db);
  let demoLoaded = false;
  if (demo) {
    const anyBatch = await rows(connection.db, sql`select 1 from upload_batches limit 1`);
    if (anyBatch.length === 0) {
      await seedDemo(connection.db);
      await createDemoAccounts(connection.db);
      demoLoaded = true;
    }
  }
  return { regionsAdded, demoLoaded };
}
