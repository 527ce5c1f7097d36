/**
 * Database commands for operators:
 *   npm run db:migrate            apply migrations and load the reference regions
 *   npm run db:seed [-- --demo]   the same, and with --demo load the demo data (演示数据)
 * They use DATABASE_URL or PGLITE_DIR like the app, and refuse a PGlite folder the server holds.
 */
import { connect } from "../db/connect";
import { prepareDatabase } from "../db/prepare";
import { readEnv } from "../lib/env";

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  if (command !== "migrate" && command !== "seed") {
    console.error("Usage: tsx scripts/db.ts migrate | seed [--demo]");
    process.exit(2);
  }
  const env = readEnv();
  const connection = await connect({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const demo = command === "seed" && flags.includes("--demo");
    const result = await prepareDatabase(connection, { demo });
    const where = env.DATABASE_URL ? "Postgres server" : `PGlite (${env.PGLITE_DIR})`;
    console.log(
      `${where}: migrated; ${result.regionsAdded} reference regions added; ` +
        (demo
          ? result.demoLoaded
            ? "demo data loaded."
            : "demo data not loaded (the database already holds data)."
          : ""),
    );
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
