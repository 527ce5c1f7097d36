/**
 * The whole suite, one step after another: typecheck, lint, unit + integration tests, production
 * build, end-to-end tests in Chromium. The last line is always `N passed, N failed`, which CI sums.
 * Database: DATABASE_URL set → a fresh database on that server for e2e; unset → embedded PGlite.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const bin = (name: string) => path.join("node_modules", ".bin", name);
const totals = { passed: 0, failed: 0 };
let interrupted = false;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  console.log(`\n▶ ${[command, ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** One check that passes or fails as a whole (typecheck, lint). */
async function check(name: string, command: string, args: string[]) {
  const code = await run(command, args);
  if (code === 0) totals.passed++;
  else fail(`${name} exited with code ${code}`);
}

function fail(reason: string) {
  totals.failed++;
  console.error(`✗ ${reason}`);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Adds a runner's counts; a non-zero exit with no failed test (a crash, no tests found) is a failure too. */
function count(name: string, code: number, passed: number | undefined, failed: number | undefined) {
  totals.passed += passed ?? 0;
  totals.failed += failed ?? 0;
  if (code !== 0 && !failed) fail(`${name} exited with code ${code} without a failed test`);
}

const cjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/**
 * Debian's Chromium, and the CJK fonts without which Chinese renders as boxes in screenshots and
 * image exports. Installed with apt-get when missing and this runs as root.
 */
async function ensureChromium(): Promise<boolean> {
  const given = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (given && !fs.existsSync(given)) fail(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${given} does not exist`);
  const browser = given ?? "/usr/bin/chromium";
  const missing = [
    ...(given || fs.existsSync(browser) ? [] : ["chromium"]),
    ...(fs.existsSync(cjkFont) ? [] : ["fonts-noto-cjk"]),
  ];
  if (missing.length === 0) return fs.existsSync(browser);
  if (process.getuid?.() !== 0) {
    if (missing.includes("chromium")) {
      fail("Chromium not found: install it (apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE");
      return false;
    }
    console.warn("fonts-noto-cjk is not installed: Chinese will render as boxes in screenshots");
    return true;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (
    (await run("apt-get", ["update"], env)) === 0 &&
    (await run("apt-get", ["install", "-y", ...missing], env)) === 0
  ) {
    return fs.existsSync(browser);
  }
  fail(`could not install ${missing.join(" and ")} with apt-get`);
  return false;
}

/**
 * The committed migrations describe the schema in db/schema exactly: drizzle-kit, run on a copy
 * of drizzle/, finds nothing to generate. A schema edit without its migration fails here.
 */
async function checkMigrations(scratch: string) {
  const copy = path.join(scratch, "drizzle");
  fs.cpSync("drizzle", copy, { recursive: true });
  const before = fs.readdirSync(copy).length;
  const code = await run(bin("drizzle-kit"), [
    "generate",
    "--dialect",
    "postgresql",
    "--schema",
    "./db/schema/index.ts",
    // drizzle-kit puts "./" before the folder it is given: a relative path survives that.
    "--out",
    path.relative(process.cwd(), copy),
    "--name",
    "schema_drift",
  ]);
  const added = fs.readdirSync(copy).length - before;
  if (code !== 0) fail(`drizzle-kit generate exited with code ${code}`);
  else if (added > 0) fail("db/schema differs from drizzle/: run npm run db:generate and commit the migration");
  else totals.passed++;
}

/** CREATE/DROP DATABASE run on the server's own database, not on the one concerned. */
async function onServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main() {
  process.on("SIGINT", () => {
    interrupted = true; // Children get the signal too; finish the cleanup instead of dying mid-way.
  });
  process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // CI runs should not report usage anywhere.
  fs.mkdirSync("test-results", { recursive: true });
  // Scratch space for this run; the build gets its own PGlite folder so it never touches .data/.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-test-"));
  const serverUrl = process.env.DATABASE_URL;
  let e2eDatabase: string | undefined;
  try {
    const haveChromium = await ensureChromium();
    // Route and page types live in .next/types, which a fresh clone does not have yet.
    const typegen = await run(bin("next"), ["typegen"]);
    if (typegen !== 0) fail(`next typegen exited with code ${typegen}`);
    else if (!interrupted) await check("tsc --noEmit", bin("tsc"), ["--noEmit"]);
    if (!interrupted) await check("biome check", bin("biome"), ["check", "."]);
    if (!interrupted) await checkMigrations(scratch);

    if (!interrupted) {
      const vitestJson = path.join("test-results", "vitest.json");
      fs.rmSync(vitestJson, { force: true });
      const reporters = ["--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`];
      const code = await run(bin("vitest"), ["run", ...reporters]);
      const report = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);
      count("vitest", code, report?.numPassedTests, report?.numFailedTests);
    }

    if (interrupted) return;
    const buildEnv = serverUrl ? process.env : { ...process.env, PGLITE_DIR: path.join(scratch, "build", "pglite") };
    const built = (await run(bin("next"), ["build"], buildEnv)) === 0;
    if (!built) fail("next build failed; end-to-end tests skipped");
    if (!built || !haveChromium || interrupted) return;

    const e2eEnv: NodeJS.ProcessEnv = { ...process.env };
    if (serverUrl) {
      e2eDatabase = `cadre_e2e_${randomBytes(6).toString("hex")}`;
      await onServer(serverUrl, `CREATE DATABASE "${e2eDatabase}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${e2eDatabase}`;
      e2eEnv.DATABASE_URL = url.toString();
      delete e2eEnv.PGLITE_DIR;
      // A production server never loads demo data by itself, so seed it here.
      for (const args of [["migrate"], ["seed", "--demo"]]) {
        const code = await run(bin("tsx"), ["scripts/db.ts", ...args], e2eEnv);
        if (code !== 0) return fail(`scripts/db.ts ${args.join(" ")} exited with code ${code}`);
      }
    } else {
      // The server migrates and seeds a fresh PGlite folder itself at start.
      delete e2eEnv.DATABASE_URL;
      e2eEnv.PGLITE_DIR = path.join(scratch, "e2e", "pglite");
    }

    const e2eJson = path.join("test-results", "e2e.json");
    fs.rmSync(e2eJson, { force: true });
    const code = await run(bin("playwright"), ["test"], e2eEnv);
    const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(e2eJson)?.stats;
    // With retries 0 nothing is flaky; if retries are ever allowed, a flaky test still counts as failed.
    count("playwright", code, stats?.expected, stats && stats.unexpected + stats.flaky);
  } catch (error) {
    fail(`test script crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    if (serverUrl && e2eDatabase) {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${e2eDatabase}" WITH (FORCE)`).catch((error: Error) =>
        fail(`could not drop ${e2eDatabase}: ${error.message}`),
      );
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().finally(() => {
  if (interrupted) fail("interrupted");
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
});
