/**
 * One timed import, in a process of its own so that its peak memory is the import's alone:
 *   node --import tsx scripts/bench/import-one.ts <file> <postgres://…/bench_x | pglite folder>
 * Migrates the fresh database and loads the regions (not timed), then times runImport end to
 * end (validation + commit) and prints one line `BENCH_RESULT {json}` for scripts/bench/import.ts.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { runImport } from "@/server/import/pipeline";
import { connect } from "../../db/connect";
import { prepareDatabase } from "../../db/prepare";
import { operator } from "../../lib/auth/operator";

export type ImportOneResult = {
  seconds: number;
  /** Peak resident memory during the import, in bytes (VmHWM, reset just before it starts). */
  peakBytes: number;
  /** Resident memory just before the import (the runtime, the modules, PGlite if embedded). */
  baseBytes: number;
  /** Whether the peak could be reset before the import (else it is the process's lifetime peak). */
  peakReset: boolean;
  /** On the server: seconds spent in each kind of statement (see PHASES); null on PGlite. */
  phases: Record<string, number> | null;
  ok: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: { row: number; column: string; message: string }[];
};

const readStatus = (field: string): number | null => {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
};

/**
 * The statements of runImport, by their first words, so that the time can be split into phases.
 * Staging inserts overlap with parsing (one stays in flight), so their time includes waiting in
 * the connection's queue; everything after them runs once the whole file is read.
 */
const PHASES: [string, RegExp][] = [
  ["stage", /^insert into staged_rows/],
  ["analyze", /^analyze staged_rows/],
  ["duplicates", /^select array_agg/],
  ["diff", /^select count\(\*\) filter/],
  ["preview", /^with picked/],
  ["commit", /^(with added|insert into batch_rows|update |insert into upload_batches|insert into "audit_log"|commit)/],
];

/** Times every statement sent through node-postgres (the server), by phase. */
function timeStatements(): Record<string, number> {
  const phases: Record<string, number> = Object.fromEntries([...PHASES.map(([name]) => [name, 0]), ["other", 0]]);
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === "string" ? first : (first?.text ?? "")).trimStart();
    const phase = PHASES.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
    const started = performance.now();
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      result.then(
        () => {
          const seconds = (performance.now() - started) / 1000;
          phases[phase] += seconds;
          // BENCH_TRACE=1: every statement of 10 ms or more, to see inside a phase.
          if (process.env.BENCH_TRACE && seconds >= 0.01)
            console.error(`    ${seconds.toFixed(3)} s  ${text.replace(/\s+/g, " ").slice(0, 110)}`);
        },
        () => {},
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;
  return phases;
}

/** Resets the kernel's peak-RSS mark (Linux ≥ 4.0) so that it counts from now. */
function resetPeak(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const [file, where] = process.argv.slice(2);
  if (!file || !where) {
    console.error("Usage: node --import tsx scripts/bench/import-one.ts <file> <database url | pglite folder>");
    process.exit(2);
  }
  const isServer = /^postgres(ql)?:\/\//.test(where);
  const connection = await connect(isServer ? { databaseUrl: where } : { pgliteDir: where });
  try {
    await prepareDatabase(connection, { demo: false });
    const phases = isServer ? timeStatements() : null;
    const baseBytes = readStatus("VmRSS") ?? process.memoryUsage().rss;
    const peakReset = resetPeak();
    const started = performance.now();
    const report = await runImport(connection.db, operator(), {
      dataset: "arena",
      filePath: path.resolve(file),
      fileName: path.basename(file),
      dryRun: false,
      locale: "zh-CN",
      source: "cli",
    });
    const seconds = (performance.now() - started) / 1000;
    const peakBytes = readStatus("VmHWM") ?? process.resourceUsage().maxRSS * 1024;
    const result: ImportOneResult = {
      seconds,
      peakBytes,
      baseBytes,
      phases,
      peakReset: peakReset && readStatus("VmHWM") !== null,
      ok: report.ok,
      rows: report.rows,
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
      errorCount: report.errorCount,
      errors: report.errors.slice(0, 5).map(({ row, column, message }) => ({ row, column, message })),
    };
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  } finally {
    await connection.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
