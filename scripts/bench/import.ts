/**
 * The import benchmark (issue 4, "Performance"):
 *   npm run bench -- import [--quick] [--repeat N] [--keep] [--cpu-prof]
 * Generates a 100,000-row CSV, a 100,000-row XLSX and a 1,000,000-row CSV of arena entries
 * (--quick: 10,000 / 10,000 / 50,000), imports each into a fresh database through runImport
 * (validation + commit, in a child process whose peak memory is measured), loads the same rows
 * with COPY into another fresh database, and prints a table with the targets.
 * Database: the Postgres server of DATABASE_URL (CREATE/DROP DATABASE bench_…), else PGlite.
 * --repeat N imports and copies each file N times and keeps the fastest (a busy machine is noisy);
 * --keep leaves the temp folder (files, PGlite folders, CPU profiles); --cpu-prof writes a V8
 * CPU profile of each import process there.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { readEnv } from "@/server/env";
import { connect } from "../../db/connect";
import { prepareDatabase } from "../../db/prepare";
import { COPY_COLUMNS, type Generated, type Scope, writeArenaCsv, writeArenaXlsx } from "./arena-data";
import { describeTarget, type FreshDatabase, freshDatabase, serverVersion, type Target } from "./database";
import type { ImportOneResult } from "./import-one";

type Case = {
  label: string;
  kind: "csv" | "xlsx";
  rows: number;
  /** One banner-year's file puts every row under one (year, region): the plan that once went quadratic. */
  scope?: Scope;
  /** Seconds allowed on the Postgres server (full size only). */
  targetSeconds: number;
  targetPeakMb?: number;
};

const BANNER_YEAR: Case = {
  label: "arena-banner-year-30k.csv",
  kind: "csv",
  rows: 30_000,
  scope: "banner-year",
  targetSeconds: 1.5,
};
const FULL: Case[] = [
  { label: "arena-100k.csv", kind: "csv", rows: 100_000, targetSeconds: 3 },
  { label: "arena-100k.xlsx", kind: "xlsx", rows: 100_000, targetSeconds: 5 },
  { label: "arena-1m.csv", kind: "csv", rows: 1_000_000, targetSeconds: 30, targetPeakMb: 300 },
  BANNER_YEAR,
];
const QUICK: Case[] = [
  { label: "arena-10k.csv", kind: "csv", rows: 10_000, targetSeconds: 3 },
  { label: "arena-10k.xlsx", kind: "xlsx", rows: 10_000, targetSeconds: 5 },
  { label: "arena-50k.csv", kind: "csv", rows: 50_000, targetSeconds: 30, targetPeakMb: 300 },
  BANNER_YEAR,
];

type Outcome = { case: Case; file: Generated; result: ImportOneResult; copySeconds: number | null };

const MB = 1024 * 1024;

export async function importBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      repeat: { type: "string" },
      keep: { type: "boolean" },
      "cpu-prof": { type: "boolean" },
    },
  });
  const quick = Boolean(values.quick);
  const repeat = Number(values.repeat ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat takes a whole number ≥ 1");
  const cases = quick ? QUICK : FULL;
  const env = readEnv();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-bench-import-"));
  const target: Target = env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", tempDir };

  console.log(`Import benchmark${quick ? " (--quick)" : ""}: arena entries, runImport (dryRun: false) vs COPY`);
  console.log(`Database: ${describeTarget(target)}`);
  if (target.kind === "postgres") console.log(`Server version: ${await serverVersion(target.url)}`);
  else {
    console.log("*** Running on PGlite: DATABASE_URL is not set. The targets are for the Postgres server.");
    console.log("*** PGlite runs inside the importing process, so its memory counts in the peak.");
  }
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / MB)} MB RAM, Node ${process.version}`,
  );
  console.log(`Temp folder: ${tempDir}`);
  console.log(`Load average at start: ${loadAverage()}`);
  if (repeat > 1) console.log(`Each import and COPY runs ${repeat} times; the fastest counts.`);

  const outcomes: Outcome[] = [];
  let failed = false;
  try {
    const files: Generated[] = [];
    for (const [i, c] of cases.entries()) {
      const started = performance.now();
      const file = path.join(tempDir, c.label);
      const copyFile = path.join(tempDir, `${c.label}.copy.csv`);
      const generated =
        c.kind === "csv"
          ? await writeArenaCsv(file, copyFile, c.rows, i + 1, c.scope)
          : await writeArenaXlsx(file, copyFile, c.rows, i + 1);
      files.push(generated);
      console.log(
        `generated ${c.label}: ${c.rows.toLocaleString("en")} rows, ${(generated.bytes / MB).toFixed(1)} MB in ${seconds(started)} s`,
      );
    }

    for (const [i, c] of cases.entries()) {
      const file = files[i];
      console.log(`\n${c.label}:`);
      const attempts: ImportOneResult[] = [];
      let bestCopy: number | null = null;
      for (let attempt = 1; attempt <= repeat; attempt++) {
        const profileDir = values["cpu-prof"] ? path.join(tempDir, "profiles") : null;
        const result = await timedImport(target, c, file, profileDir, attempt);
        const good = result.ok && result.inserted === c.rows && result.rows === c.rows;
        if (!good) {
          failed = true;
          console.error(
            `  ✗ ok=${result.ok} rows=${result.rows} inserted=${result.inserted} (expected ${c.rows}); ` +
              `${result.errorCount} errors, first: ${JSON.stringify(result.errors)}`,
          );
        }
        console.log(
          `  import ${result.seconds.toFixed(2)} s, memory ${mb(result.baseBytes)} MB before, peak ${mb(result.peakBytes)} MB` +
            `, inserted ${result.inserted.toLocaleString("en")}${good ? "" : " (WRONG)"}`,
        );
        if (result.phases) console.log(`    ${phaseLine(result)}`);
        attempts.push(result);
        const copySeconds = await timedCopy(target, c, file);
        console.log(copySeconds === null ? "  COPY skipped" : `  COPY ${copySeconds.toFixed(2)} s`);
        if (copySeconds !== null && (bestCopy === null || copySeconds < bestCopy)) bestCopy = copySeconds;
      }
      // The fastest attempt's figures, with the highest peak of all attempts.
      const fastest = attempts.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const peakBytes = Math.max(...attempts.map((a) => a.peakBytes));
      outcomes.push({ case: c, file, result: { ...fastest, peakBytes }, copySeconds: bestCopy });
    }
  } finally {
    if (values.keep) console.log(`\nKept ${tempDir}`);
    else fs.rmSync(tempDir, { recursive: true, force: true });
  }

  console.log(`\n${table(outcomes, target, quick)}`);
  console.log(`Load average at the end: ${loadAverage()}`);
  if (quick)
    console.log(
      "The targets are for the full run (100k / 100k / 1M rows) on the Postgres server; --quick is a smoke test.",
    );
  else if (target.kind === "pglite")
    console.log("The targets apply on the Postgres server; on PGlite they are for orientation only.");
  console.log(
    "size: the file on disk; seconds: runImport end to end (read, validate, stage, duplicates, diff, commit);",
  );
  console.log("peak: the importing process's peak RSS during the import (base: its RSS just before);");
  console.log("ratio: import seconds ÷ COPY seconds (COPY of the same rows, with region codes, into the same schema).");
  return failed ? 1 : 0;
}

/** 1, 5 and 15 minutes; other work on the machine (a test run, a build) slows every figure. */
function loadAverage(): string {
  const [one, five, fifteen] = os.loadavg();
  const busy = one > os.cpus().length / 2 ? " (the machine is busy: figures will be slower than on an idle one)" : "";
  return `${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}${busy}`;
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

const mb = (bytes: number) => (bytes / MB).toFixed(0);

/**
 * Where the time went, from the statements' timings: reading, parsing and staging overlap (one
 * staging insert stays in flight while the next chunk is parsed), so they are one phase, the
 * time before the statements that need the whole file.
 */
function phaseLine(result: ImportOneResult): string {
  const p = result.phases ?? {};
  const after = ["analyze", "duplicates", "diff", "preview", "commit"];
  const tail = after.reduce((sum, name) => sum + (p[name] ?? 0), 0);
  const parts = [
    `read+parse+stage ${(result.seconds - tail).toFixed(2)} s (staging inserts ${(p.stage ?? 0).toFixed(2)} s, overlapped)`,
    ...after.map((name) => `${name} ${(p[name] ?? 0).toFixed(2)} s`),
  ];
  return parts.join(" · ");
}

/** Imports in a child process (node --import tsx), so the peak RSS is the import's own. */
async function timedImport(target: Target, c: Case, file: Generated, profileDir: string | null, attempt: number) {
  const database = await freshDatabase(target, c.kind);
  try {
    const script = path.join(process.cwd(), "scripts", "bench", "import-one.ts");
    const flags = profileDir
      ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${c.label}.${attempt}.cpuprofile`]
      : [];
    const output = await runChild(process.execPath, [...flags, "--import", "tsx", script, file.file, database.arg]);
    const line = output.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
    if (!line) throw new Error(`${c.label}: the import process printed no result`);
    return JSON.parse(line.slice("BENCH_RESULT ".length)) as ImportOneResult;
  } finally {
    await dropLater(database);
  }
}

function runChild(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"], env: process.env });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`import process exited with ${code ?? signal}`)),
    );
  });
}

/**
 * COPY of the same rows (region codes, no header) into a fresh, migrated database with the
 * regions loaded, so that the table has the same constraints and indexes as for the import.
 * On the server through pg-copy-streams (FROM STDIN); on PGlite as FROM '/dev/blob'.
 */
async function timedCopy(target: Target, c: Case, file: Generated): Promise<number | null> {
  const database = await freshDatabase(target, `${c.kind}_copy`);
  const statement = `COPY arena_entries (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`;
  let connection: Awaited<ReturnType<typeof connect>> | null = null;
  try {
    connection = await connect(database.location);
    await prepareDatabase(connection, { demo: false });
    if (connection.kind === "pglite") {
      const client = (connection.db as unknown as { $client: PGlite }).$client;
      const blob = await fs.openAsBlob(file.copyFile);
      const started = performance.now();
      await client.query(statement.replace("STDIN", "'/dev/blob'"), [], { blob });
      const elapsed = (performance.now() - started) / 1000;
      await checkCount(client, c.rows);
      return elapsed;
    }
    const client = new pg.Client({ connectionString: (database.location as { databaseUrl: string }).databaseUrl });
    await client.connect();
    try {
      const started = performance.now();
      await pipeline(fs.createReadStream(file.copyFile, { highWaterMark: 1 << 20 }), client.query(copyFrom(statement)));
      const elapsed = (performance.now() - started) / 1000;
      await checkCount(client, c.rows);
      return elapsed;
    } finally {
      await client.end();
    }
  } catch (error) {
    console.error(`  COPY failed: ${error instanceof Error ? error.message : error}`);
    return null;
  } finally {
    await connection?.close();
    await dropLater(database);
  }
}

async function checkCount(client: { query: (sql: string) => Promise<{ rows: unknown[] }> }, expected: number) {
  const { rows } = await client.query("select count(*)::int as n from arena_entries");
  const n = (rows[0] as { n: number }).n;
  if (n !== expected) throw new Error(`COPY loaded ${n} rows, expected ${expected}`);
}

async function dropLater(database: FreshDatabase) {
  try {
    await database.drop();
  } catch (error) {
    console.error(`  could not drop ${database.arg}: ${error instanceof Error ? error.message : error}`);
  }
}

function table(outcomes: Outcome[], target: Target, quick: boolean): string {
  const header = ["file", "rows", "size", "seconds", "rows/s", "base MB", "peak MB", "COPY s", "ratio", "target"];
  const body = outcomes.map(({ case: c, file, result, copySeconds }) => {
    const peakMb = result.peakBytes / MB;
    const goal = `≤ ${c.targetSeconds} s${c.targetPeakMb ? `, < ${c.targetPeakMb} MB` : ""}`;
    const correct = result.ok && result.inserted === c.rows;
    const met = result.seconds <= c.targetSeconds && (c.targetPeakMb === undefined || peakMb < c.targetPeakMb);
    const verdict = !correct
      ? "FAILED (the import was refused)"
      : quick
        ? "n/a (--quick)"
        : `${goal}: ${met ? "met" : "MISSED"}${target.kind === "pglite" ? " (on PGlite)" : ""}`;
    return [
      c.label,
      c.rows.toLocaleString("en"),
      `${(file.bytes / MB).toFixed(1)} MB`,
      result.seconds.toFixed(2),
      Math.round(c.rows / result.seconds).toLocaleString("en"),
      mb(result.baseBytes),
      `${mb(result.peakBytes)}${result.peakReset ? "" : "*"}`,
      copySeconds === null ? "—" : copySeconds.toFixed(2),
      copySeconds === null ? "—" : `${(result.seconds / copySeconds).toFixed(1)}×`,
      verdict,
    ];
  });
  const rows = [header, ...body];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const line = (r: string[]) =>
    r
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const footnote = body.some((r) => r[6].endsWith("*"))
    ? "\n* peak RSS since the process started (it could not be reset before the import)"
    : "";
  return [line(header), rule, ...body.map(line)].join("\n") + footnote;
}
