import type { Connection } from "./connect";
import { loadDemo } from "./seed/demo";
import { loadReferenceRegions } from "./seed/reference";

/**
 * Brings a database up to date: migrations, then the reference regions, then (when asked) the
 * demo data, but only into a database that holds no batch yet, so it never mixes with real uploads.
 */
export async function prepareDatabase(connection: Connection, { demo }: { demo: boolean }) {
  await connection.migrate();
  const regionsAdded = await loadReferenceRegions(connection.db);
  const demoLoaded = demo && (await loadDemo(connection.db));
  return { regionsAdded, demoLoaded };
}
