/**
 * The opening the report and notices benchmarks share: the target database announced on the
 * console, a fresh database prepared and filled with the dashboard benchmark's national-scale
 * data set, and a `close` that drops it (unless kept) with the run's temp folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readEnv } from "@/server/env";
import { type Connection, connect } from "../../db/connect";
import { prepareDatabase } from "../../db/prepare";
import { executor, loadAverage, loadTable } from "./dashboard";
import { FULL_SCALE, loadDashboardData, QUICK_SCALE } from "./dashboard-data";
import { describeTarget, type FreshDatabase, freshDatabase, serverVersion, type Target } from "./database";

export type NationalDatabase = { target: Target; connection: Connection; close(): Promise<void> };

export async function nationalDatabase(
  label: string,
  { quick, keep }: { quick: boolean; keep: boolean },
): Promise<NationalDatabase> {
  const env = readEnv();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `cadre-bench-${label}-`));
  const target: Target = env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", tempDir };
  console.log(`Database: ${describeTarget(target)}`);
  if (target.kind === "postgres") console.log(`Server version: ${await serverVersion(target.url)}`);
  else console.log("*** Running on PGlite: DATABASE_URL is not set. The targets are for the Postgres server.");
  console.log(`Load average at start: ${loadAverage()}`);

  let database: FreshDatabase | null = null;
  let connection: Connection | null = null;
  const close = async () => {
    await connection?.close().catch(() => {});
    if (database && !keep) await database.drop().catch(() => {});
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    database = await freshDatabase(target, label);
    connection = await connect(database.location);
    await prepareDatabase(connection, { demo: false });
    const exec = await executor(connection, database);
    const started = performance.now();
    const loaded = await loadDashboardData(exec.run, quick ? QUICK_SCALE : FULL_SCALE, (line) => console.log(line));
    await exec.close();
    console.log(`\n${loadTable(loaded, (performance.now() - started) / 1000)}`);
    return { target, connection, close };
  } catch (error) {
    await close();
    throw error;
  }
}
