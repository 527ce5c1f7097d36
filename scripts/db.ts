/**
 * Database commands for operators:
 *   npm run db:migrate            apply migrations and load the reference regions
 *   npm run db:seed [-- --demo]   the same, and with --demo load the demo data (演示数据)
 * They use DATABASE_URL or PGLITE_DIR like the app, and refuse a PGlite folder the server holds.
 * On a production server database (NODE_ENV=production and DATABASE_URL) --demo asks for the
 * demo accounts' password (or reads one line of standard input): demo12345 is published in the
 * README, so it is refused there, as is anything shorter than 8 characters. Exit codes: 0 done,
 * 1 refused or failed, 2 usage.
 */

import { loadsDemoAutomatically, readEnv } from "@/server/env";
import { connect } from "../db/connect";
import { prepareDatabase } from "../db/prepare";
import { DEMO_PASSWORD, loadDemo } from "../db/seed/demo";
import { passwordSchema } from "../lib/schemas";
import { readPassword } from "./read-password";

/** The operator's password for the demo accounts, or null (with the reason printed) when it will not do. */
async function demoPassword(): Promise<string | null> {
  console.log("生产数据库：请为演示账号设置密码。Production database: choose the demo accounts' password.");
  const password = await readPassword();
  if (!passwordSchema.safeParse(password).success) {
    console.error("密码至少 8 位，最多 128 位。The password needs 8 to 128 characters.");
    return null;
  }
  if (password === DEMO_PASSWORD) {
    console.error(
      `不能使用公开的演示密码 ${DEMO_PASSWORD}。The published demo password ${DEMO_PASSWORD} is refused in production.`,
    );
    return null;
  }
  return password;
}

async function main(): Promise<number> {
  const [command, ...flags] = process.argv.slice(2);
  if (command !== "migrate" && command !== "seed") {
    console.error("Usage: tsx scripts/db.ts migrate | seed [--demo]");
    return 2;
  }
  const env = readEnv();
  const demo = command === "seed" && flags.includes("--demo");
  // Asked before anything is touched, so a refused password leaves the database as it was.
  const password = demo && !loadsDemoAutomatically(env) ? await demoPassword() : DEMO_PASSWORD;
  if (password === null) return 1;
  const connection = await connect({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const result = await prepareDatabase(connection, { demo: false });
    const demoLoaded = demo && (await loadDemo(connection.db, password));
    const where = env.DATABASE_URL ? "Postgres server" : `PGlite (${env.PGLITE_DIR})`;
    console.log(
      `${where}: migrated; ${result.regionsAdded} reference regions added; ` +
        (demo ? (demoLoaded ? "demo data loaded." : "demo data not loaded (the database already holds data).") : ""),
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
