/**
 * Imports one file from the command line, through the same pipeline as the web upload:
 *   npm run import -- <dataset> <file> [--dry-run] [--json]
 * It runs as the operator (no region limit), recorded in the audit log as cli:<os user>, on the
 * database the app uses (DATABASE_URL or PGLITE_DIR), migrating a fresh one first.
 * Exit codes: 0 the file was valid (and committed unless --dry-run), 1 refused (nothing written), 2 usage.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "@/server/env";
import { formatReport } from "@/server/import/format";
import { runImport } from "@/server/import/pipeline";
import { connect } from "../db/connect";
import { prepareDatabase } from "../db/prepare";
import { operator } from "../lib/auth/operator";
import { datasets } from "../lib/contract";

const usage = `Usage: npm run import -- <${datasets.join("|")}> <file.csv|file.xlsx> [--dry-run] [--json]`;

async function main(): Promise<number> {
  let args: ReturnType<
    typeof parseArgs<{ options: { "dry-run": { type: "boolean" }; json: { type: "boolean" } }; allowPositionals: true }>
  >;
  try {
    args = parseArgs({
      options: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
      allowPositionals: true,
    });
  } catch {
    console.error(usage);
    return 2;
  }
  const [dataset, file] = args.positionals;
  if (args.positionals.length !== 2 || !(datasets as readonly string[]).includes(dataset)) {
    console.error(usage);
    return 2;
  }
  const env = readEnv();
  const connection = await connect({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, small: true });
  try {
    await prepareDatabase(connection, { demo: false });
    const report = await runImport(connection.db, operator(), {
      dataset: dataset as (typeof datasets)[number],
      filePath: path.resolve(file),
      fileName: path.basename(file),
      dryRun: Boolean(args.values["dry-run"]),
      locale: process.env.LANG?.startsWith("en") && !process.env.LANG.startsWith("en_CN") ? "en" : "zh-CN",
      source: "cli",
    });
    console.log(args.values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.ok ? 0 : 1;
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
