/**
 * The dashboard benchmark (issue 5, "Performance"):
 *   npm run bench -- dashboard [--quick] [--ten-times] [--runs N] [--warmup N] [--port N] [--keep] [--load-seconds S]
 * Builds a national-scale data set in a fresh database (the reference regions; 2015–2024;
 * 1,000,000 arena entries over the 12 leagues and 103 banners; 100,000 projects with their stage
 * history; promotions and adjustments for every league and banner, year, quarter and field/type),
 * starts the production server against it, and for /api/summary, /api/overview, /api/project-stats
 * and the per-region dashboards /api/promotions, /api/adjustments and /api/arena times N
 * sequential requests over HTTP (keep-alive) against the same query
 * function called directly in this process with the same parameters; then holds 50 connections
 * on /api/summary for S seconds (scripts/bench/load.ts) and measures the first-load JavaScript of
 * the dashboard pages, gzipped.
 * Database: the Postgres server of DATABASE_URL (CREATE/DROP DATABASE bench_dashboard_…), else
 * PGlite (the targets are for the server). --quick: a tenth of the rows and 50 runs, a smoke test;
 * --ten-times: then the same endpoints again on ten times the rows (10M arena entries, 1M projects),
 * in a database of their own, with p95 at both sizes and their ratio;
 * --keep: leave the bench database (and the temp folder) in place.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { readEnv } from "@/server/env";
import { type Connection, connect, type Db } from "../../db/connect";
import { createUser } from "../../db/mutations/users";
import { prepareDatabase } from "../../db/prepare";
import { getAdjustments } from "../../db/queries/adjustments";
import { getArenaBoard } from "../../db/queries/arena";
import { getOverview } from "../../db/queries/overview";
import { getProjectStats } from "../../db/queries/project-stats";
import { getPromotions } from "../../db/queries/promotions";
import { rows } from "../../db/queries/sql";
import { getSummary } from "../../db/queries/summary";
import { operator } from "../../lib/auth/operator";
import type { Principal } from "../../lib/auth/permissions";
import { dashboardFilters } from "../../lib/filters";
import { type Exec, FULL_SCALE, loadDashboardData, QUICK_SCALE, type Scale, YEARS } from "./dashboard-data";
import { firstLoadJs, lazyParts, type PageJs } from "./dashboard-js";
import { freePort, type Server, signIn, snapshotBuild, startServer } from "./dashboard-server";
import { describeTarget, type FreshDatabase, freshDatabase, serverVersion, type Target } from "./database";
import { loadTest } from "./load";

const TARGET_P95_MS = 50;
const TARGET_RATIO = 2;
const TARGET_JS_KB = 250;
const PAGES = [
  "/",
  "/promotions",
  "/arena",
  "/projects",
  "/adjustments",
  "/indicators",
  "/reports",
  "/upload",
  "/screen",
];

type Kind = "root" | "league" | "banner";
type Params = { region: string; year: number; kind: Kind };
type Endpoint = {
  name: string;
  path: string;
  direct: (db: Db, viewer: Principal, p: Params) => Promise<unknown>;
};

const ENDPOINTS: Endpoint[] = [
  {
    name: "summary",
    path: "/api/summary",
    direct: (db, viewer, p) => getSummary(db, viewer, { region: p.region, year: p.year }),
  },
  {
    name: "overview",
    path: "/api/overview",
    direct: (db, viewer, p) => getOverview(db, viewer, { region: p.region, year: p.year }),
  },
  {
    name: "project-stats",
    path: "/api/project-stats",
    direct: (db, viewer, p) => getProjectStats(db, viewer, periodOf(p)),
  },
  {
    name: "promotions",
    path: "/api/promotions",
    direct: (db, viewer, p) => getPromotions(db, viewer, periodOf(p)),
  },
  {
    name: "adjustments",
    path: "/api/adjustments",
    direct: (db, viewer, p) => getAdjustments(db, viewer, periodOf(p)),
  },
  {
    name: "arena",
    path: "/api/arena",
    direct: (db, viewer, p) => getArenaBoard(db, viewer, periodOf(p)),
  },
];

/** The filters the route handler hands its query function, parsed the same way. */
function periodOf(p: Params): { region: string; period?: ReturnType<typeof dashboardFilters.parse>["period"] } {
  const { period } = dashboardFilters.parse({ region: p.region, year: String(p.year) });
  return { region: p.region, period };
}

type Sample = { ms: number; kind: Kind };
type Measured = { endpoint: Endpoint; sql: Sample[]; http: Sample[]; errors: string[]; same: boolean | null };

/** One data set in its own database, with the production server started on it and signed in. */
type Sized = {
  scale: Scale;
  database: FreshDatabase;
  connection: Connection | null;
  server: Server | null;
  cookie: string;
  measured: Measured[];
};

export async function dashboardBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      "ten-times": { type: "boolean" },
      runs: { type: "string" },
      warmup: { type: "string" },
      port: { type: "string" },
      keep: { type: "boolean" },
      "load-seconds": { type: "string" },
    },
  });
  const quick = Boolean(values.quick);
  const runs = Number(values.runs ?? (quick ? 50 : 200));
  const warmup = Number(values.warmup ?? (quick ? 10 : 20));
  const loadSeconds = Number(values["load-seconds"] ?? (quick ? 10 : 30));
  if (!Number.isInteger(loadSeconds) || loadSeconds < 1 || loadSeconds > 300) {
    throw new Error("--load-seconds takes a whole number of seconds, 1–300");
  }
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
    throw new Error("--runs takes a whole number ≥ 1, --warmup one ≥ 0");
  }
  const scale = quick ? QUICK_SCALE : FULL_SCALE;
  const tenTimes = values["ten-times"] ? { arena: scale.arena * 10, projects: scale.projects * 10 } : null;
  const env = readEnv();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-bench-dashboard-"));
  const target: Target = env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", tempDir };

  console.log(
    `Dashboard benchmark${quick ? " (--quick)" : ""}: read API over HTTP vs the same query in SQL, first-load JS`,
  );
  console.log(`Database: ${describeTarget(target)}`);
  if (target.kind === "postgres") console.log(`Server version: ${await serverVersion(target.url)}`);
  else {
    console.log("*** Running on PGlite: DATABASE_URL is not set. The targets are for the Postgres server.");
    console.log("*** PGlite is single-threaded and runs inside the server process: expect slower figures.");
  }
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 20)} MB RAM, Node ${process.version}`,
  );
  console.log(`Load average at start: ${loadAverage()}`);
  console.log(`Requests: ${warmup} warm-ups, then ${runs} timed, one at a time, per endpoint and side`);

  // Cleanup runs once, on success, failure or Ctrl-C: the servers stop, the databases go.
  const sized: Sized[] = [];
  let cleaned = false;
  // Each data set once: the ten-times run releases the first before it loads its own.
  const release = async (s: Sized) => {
    if (!sized.includes(s)) return;
    sized.splice(sized.indexOf(s), 1);
    await s.server?.stop().catch(() => {});
    s.server = null;
    await s.connection?.close().catch(() => {});
    s.connection = null;
    if (!values.keep)
      await s.database.drop().catch((error) => console.error(`could not drop ${s.database.arg}: ${error}`));
    else console.log(`Kept the bench database: ${s.database.arg}`);
  };
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const s of [...sized]) await release(s);
    if (values.keep) console.log(`Kept ${tempDir}`);
    else fs.rmSync(tempDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server and dropping the bench database…`);
    cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let failed = false;
  let serverLog: string | null = null;
  try {
    // The build first: no point loading a million rows for a server that cannot start.
    const snapshot = await snapshotBuild(tempDir, (line) => console.log(line));
    console.log(`Build: ${snapshot.buildId} (copied to ${snapshot.dir})`);
    const port = await freePort(Number(values.port ?? 3170));
    const sizeRun = async (size: Scale, label: string) => {
      serverLog = path.join(tempDir, `server-${label}.log`);
      const database = await freshDatabase(target, `dashboard_${label}`);
      const run: Sized = { scale: size, database, connection: null, server: null, cookie: "", measured: [] };
      sized.push(run);
      run.connection = await connect(database.location);
      const done = await measureSize(run.connection, database, size, { runs, warmup, port, snapshot, serverLog });
      Object.assign(run, done);
      if (run.measured.some((m) => m.errors.length || !m.same)) failed = true;
      return { run, ...done };
    };
    const { run: first, server, cookie, measured } = await sizeRun(scale, "1x");
    const baseUrl = server.baseUrl;

    // The fixed cost of any signed-in API request (proxy, session lookup in the database, JSON).
    const floor: Sample[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
      await response.text();
      if (i >= warmup) floor.push({ ms: performance.now() - started, kind: "root" });
    }

    const routes = new Set(
      Object.values(
        JSON.parse(
          fs.readFileSync(path.join(snapshot.dir, ".next", "app-path-routes-manifest.json"), "utf8"),
        ) as Record<string, string>,
      ),
    );
    const pages: PageJs[] = [];
    for (const route of PAGES.filter((r) => routes.has(r))) pages.push(await firstLoadJs(baseUrl, cookie, route));
    if (pages.some((p) => p.status !== 200)) failed = true;
    const lazy = await lazyParts(snapshot.dir, baseUrl, cookie);
    const load = await loadTest({
      baseUrl,
      cookie,
      path: `/api/summary?region=150000&year=${YEARS.to}`,
      connections: 50,
      seconds: loadSeconds,
      serverPid: server.pid,
    });
    if (load.errors > 0) failed = true;
    // Ten times the rows in a database of their own; the first one goes first (the disk holds one at a time).
    let bigger: Sized | null = null;
    if (tenTimes) {
      await release(first);
      bigger = (await sizeRun(tenTimes, "10x")).run;
      await release(bigger);
    }

    console.log(`\nLatency (ms), ${runs} sequential requests per endpoint after ${warmup} warm-ups:`);
    console.log(latencyTable(measured, target));
    console.log(
      `Floor: GET /api/me, the fixed cost of any signed-in request (proxy, session lookup, JSON): ` +
        `p50 ${fmt(pct(floor, 50))} ms, p95 ${fmt(pct(floor, 95))} ms`,
    );
    console.log(`\np95 by region level (ms): root = 150000, league = one of the 12, banner = one of the 103:`);
    console.log(levelTable(measured));
    for (const s of sized) {
      for (const m of s.measured) {
        for (const error of m.errors.slice(0, 3)) console.error(`  ✗ ${m.endpoint.name}: ${error}`);
        if (m.same === false)
          console.error(
            `  ✗ ${m.endpoint.name}: HTTP and direct SQL answered different figures (is .next older than the sources? npx next build)`,
          );
      }
    }
    if (bigger) {
      console.log(`\nTen times the data (${sizeName(bigger.scale)} against ${sizeName(first.scale)}), p95 in ms:`);
      console.log(scaleTable(first.measured, bigger.measured));
    }
    console.log(
      `\nLoad: ${load.connections} connections × ${load.seconds} s on GET ${load.path}, signed in (autocannon):\n` +
        `  ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.errors} errors; ` +
        `server memory ${load.rssBeforeMb.toFixed(0)} MB before, ${load.rssAfterMb.toFixed(0)} MB after` +
        (target.kind === "postgres"
          ? " (target ≥ 500 req/s, p99 ≤ 200 ms, 0 errors)"
          : " (target on PGlite ≥ 150 req/s)"),
    );
    console.log(`\nFirst-load JavaScript of the dashboard pages (signed in as the bench viewer), gzip -9:`);
    console.log(jsTable(pages));
    console.log("\nLoaded after the page, when shown or asked for (gzip -9):");
    for (const part of lazy)
      console.log(`  ${part.name}: ${(part.gzipBytes / 1024).toFixed(1)} kB in ${part.files} file(s)`);
    console.log(`\nLoad average at the end: ${loadAverage()}`);
    console.log("SQL: the route's query function (getSummary, getOverview, …) called in this process on its own");
    console.log(
      "connection pool; HTTP: the same parameters as GET on the production server, session cookie, keep-alive,",
    );
    console.log(
      "timed to the last byte of the body. Ratio: HTTP ÷ SQL. Parameters cycle root / league / banner / banner",
    );
    console.log(
      `over the years ${YEARS.from}–${YEARS.to}. ` +
        (target.kind === "postgres"
          ? "SQL and HTTP requests alternate, so that other load on the machine weighs on both alike."
          : "All SQL runs come first (PGlite opens in one process at a time), then HTTP."),
    );
    if (target.kind === "pglite")
      console.log("The targets apply on the Postgres server; on PGlite they are for orientation only.");
    if (quick) console.log("--quick: a tenth of the rows; the targets are for the full data set.");
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    if (serverLog && fs.existsSync(serverLog)) {
      const tail = fs.readFileSync(serverLog, "utf8").split("\n").slice(-20).join("\n");
      console.error(`server log ends:\n${tail}`);
    }
  } finally {
    await cleanup();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return failed ? 1 : 0;
}

/**
 * Loads a data set of `size` into the fresh database, starts the production server on it and
 * times every endpoint: its query function called here, and the same parameters over HTTP.
 */
async function measureSize(
  connection: Connection,
  database: FreshDatabase,
  size: Scale,
  opts: { runs: number; warmup: number; port: number; snapshot: { dir: string }; serverLog: string },
): Promise<Pick<Sized, "connection" | "cookie" | "measured"> & { server: Server }> {
  const { runs, warmup } = opts;
  await prepareDatabase(connection, { demo: false });
  const exec = await executor(connection, database);
  console.log(`\nLoading ${sizeName(size)} into ${database.arg.replace(/\/\/[^@]*@/, "//")}:`);
  const loadStarted = performance.now();
  const loaded = await loadDashboardData(exec.run, size, (line) => console.log(line));
  await exec.close();
  console.log(`\n${loadTable(loaded, (performance.now() - loadStarted) / 1000)}`);

  const password = randomBytes(18).toString("base64url");
  await createUser(connection.db, operator(), {
    username: "bench",
    name: "Bench viewer",
    role: "viewer",
    regionCode: "150000",
    password,
  });
  const viewer: Principal = { role: "viewer", regionCode: "150000" };
  const params = await paramMix(connection.db);
  const at = (i: number) => params[i % params.length];
  const measured: Measured[] = ENDPOINTS.map((endpoint) => ({ endpoint, sql: [], http: [], errors: [], same: null }));
  const db = connection.db;
  const direct = async (m: Measured, i: number, record: boolean) => {
    const started = performance.now();
    const answer = await m.endpoint.direct(db, viewer, at(i));
    if (record) m.sql.push({ ms: performance.now() - started, kind: at(i).kind });
    return answer;
  };
  // The first parameters' answers, to compare with what HTTP returns.
  const reference = new Map<string, string>();
  for (const m of measured) reference.set(m.endpoint.name, JSON.stringify(await direct(m, 0, false)));

  // PGlite lets one process open a folder at a time: all direct runs first, then the server's turn.
  // On the server both sides alternate request by request, so that other load on the machine
  // weighs on both alike.
  const interleave = connection.kind === "postgres";
  let open: Connection | null = connection;
  if (!interleave) {
    for (const m of measured) {
      for (let i = 0; i < warmup; i++) await direct(m, runs + i, false);
      for (let i = 0; i < runs; i++) await direct(m, i, true);
    }
    await connection.close();
    open = null;
  }

  const serverEnv: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production" };
  if ("databaseUrl" in database.location) serverEnv.DATABASE_URL = database.location.databaseUrl;
  else {
    delete serverEnv.DATABASE_URL;
    serverEnv.PGLITE_DIR = database.location.pgliteDir;
  }
  const server = await startServer({
    appDir: opts.snapshot.dir,
    port: opts.port,
    env: serverEnv,
    logFile: opts.serverLog,
  });
  const baseUrl = server.baseUrl;
  console.log(`\nServer: next start on ${baseUrl} (pid ${server.pid})`);
  const cookie = await signIn(baseUrl, "bench", password);

  for (const m of measured) {
    const url = (p: Params) => `${baseUrl}${m.endpoint.path}?region=${p.region}&year=${p.year}`;
    const http = async (i: number, record: boolean) => {
      const started = performance.now();
      const response = await fetch(url(at(i)), { headers: { cookie } });
      const body = await response.text();
      if (record) m.http.push({ ms: performance.now() - started, kind: at(i).kind });
      if (response.status !== 200) m.errors.push(`${response.status} ${url(at(i))}: ${body.slice(0, 200)}`);
      return body;
    };
    for (let i = 0; i < warmup; i++) {
      if (interleave) await direct(m, runs + i, false);
      await http(runs + i, false);
    }
    for (let i = 0; i < runs; i++) {
      if (interleave) await direct(m, i, true);
      await http(i, true);
    }
    m.same = sameJson(await http(0, false), reference.get(m.endpoint.name) ?? "");
    console.log(
      `  ${m.endpoint.name}: SQL p50 ${fmt(pct(m.sql, 50))} ms, p95 ${fmt(pct(m.sql, 95))} ms; ` +
        `HTTP p50 ${fmt(pct(m.http, 50))} ms, p95 ${fmt(pct(m.http, 95))} ms` +
        (m.errors.length ? `, ${m.errors.length} errors` : "") +
        (m.same ? "" : ", figures differ"),
    );
  }
  return { connection: open, server, cookie, measured };
}

const sizeName = (s: Scale) =>
  `${s.arena.toLocaleString("en")} arena entries and ${s.projects.toLocaleString("en")} projects`;

const TARGET_SCALE_RATIO = 1.5;

/** p95 at both sizes, SQL and HTTP, and how much the larger set costs. */
function scaleTable(small: Measured[], large: Measured[]): string {
  const body = small.map((m, i) => {
    const l = large[i];
    const ratios = [pct(l.sql, 95) / pct(m.sql, 95), pct(l.http, 95) / pct(m.http, 95)];
    return [
      m.endpoint.path,
      fmt(pct(m.sql, 95)),
      fmt(pct(l.sql, 95)),
      `${ratios[0].toFixed(2)}×`,
      fmt(pct(m.http, 95)),
      fmt(pct(l.http, 95)),
      `${ratios[1].toFixed(2)}×`,
      ratios[1] <= TARGET_SCALE_RATIO ? "met" : "MISSED",
    ];
  });
  return render(
    [
      "endpoint",
      "SQL 1×",
      "SQL 10×",
      "ratio",
      "HTTP 1×",
      "HTTP 10×",
      "ratio",
      `target: HTTP ratio ≤ ${TARGET_SCALE_RATIO}×`,
    ],
    body,
    new Set([0, 7]),
  );
}

/**
 * Statements for the loader: on the server one dedicated session (so setseed holds for every
 * statement, and without waiting for each commit to reach the disk); on PGlite its own client.
 */
export async function executor(
  connection: Connection,
  database: FreshDatabase,
): Promise<{ run: Exec; close(): Promise<void> }> {
  if (connection.kind === "pglite") {
    const client = (connection.db as unknown as { $client: PGlite }).$client;
    return {
      run: async (statement) => (await client.query<Record<string, unknown>>(statement)).rows,
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: (database.location as { databaseUrl: string }).databaseUrl });
  // A failed run drops its database under this session: that ends the run with its own error, not a crash.
  client.on("error", () => {});
  await client.connect();
  await client.query("set synchronous_commit = off");
  await client.query("set maintenance_work_mem = '256MB'");
  return {
    run: async (statement) => (await client.query(statement)).rows,
    close: () => client.end(),
  };
}

/** Root, then a league, then two banners, and again; the year moves on every round of four. */
async function paramMix(db: Db): Promise<Params[]> {
  const regions = await rows<{ code: string; level: string }>(
    db,
    sql`select code, level::text from regions where level in ('autonomous_region', 'prefecture', 'county') and valid_to is null order by code`,
  );
  const leagues = regions.filter((r) => r.level === "prefecture").map((r) => r.code);
  const banners = regions.filter((r) => r.level === "county").map((r) => r.code);
  const years = YEARS.to - YEARS.from + 1;
  return Array.from({ length: 4 * 12 * 103 }, (_, i) => {
    const round = Math.floor(i / 4);
    const year = YEARS.from + (round % years);
    const slot = i % 4;
    if (slot === 0) return { region: "150000", year, kind: "root" as const };
    if (slot === 1) return { region: leagues[round % leagues.length], year, kind: "league" as const };
    return { region: banners[(2 * round + slot) % banners.length], year, kind: "banner" as const };
  });
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/** Nearest-rank percentile. */
function pct(samples: Sample[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms: number) => (Number.isNaN(ms) ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

export function loadAverage(): string {
  const [one, five, fifteen] = os.loadavg();
  const busy = one > os.cpus().length / 2 ? " (the machine is busy: figures will be slower than on an idle one)" : "";
  return `${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}${busy}`;
}

function render(header: string[], body: string[][], left = new Set([0])): string {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (left.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function loadTable(loaded: { table: string; rows: number; seconds: number }[], total: number): string {
  return render(
    ["table", "rows", "seconds"],
    [
      ...loaded.map((l) => [l.table, l.rows ? l.rows.toLocaleString("en") : "", l.seconds.toFixed(1)]),
      ["total", "", total.toFixed(1)],
    ],
  );
}

function latencyTable(measured: Measured[], target: Target): string {
  const body = measured.map((m) => {
    const s50 = pct(m.sql, 50);
    const s95 = pct(m.sql, 95);
    const h50 = pct(m.http, 50);
    const h95 = pct(m.http, 95);
    const ratio95 = h95 / s95;
    const met = h95 <= TARGET_P95_MS && ratio95 <= TARGET_RATIO;
    const misses = [h95 > TARGET_P95_MS ? "p95" : "", ratio95 > TARGET_RATIO ? "ratio" : ""].filter(Boolean).join(", ");
    const verdict = m.errors.length
      ? `FAILED (${m.errors.length} errors)`
      : m.same === false
        ? "FAILED (different figures)"
        : `${met ? "met" : `MISSED (${misses})`}${target.kind === "pglite" ? " (on PGlite)" : ""}`;
    return [
      m.endpoint.path,
      fmt(s50),
      fmt(s95),
      fmt(h50),
      fmt(h95),
      `${(h50 / s50).toFixed(2)}×`,
      `${ratio95.toFixed(2)}×`,
      verdict,
    ];
  });
  return `${render(
    [
      "endpoint",
      "SQL p50",
      "SQL p95",
      "HTTP p50",
      "HTTP p95",
      "ratio p50",
      "ratio p95",
      `target: p95 ≤ ${TARGET_P95_MS} ms, ≤ ${TARGET_RATIO}× SQL`,
    ],
    body,
    new Set([0, 7]),
  )}`;
}

function levelTable(measured: Measured[]): string {
  const kinds: Kind[] = ["root", "league", "banner"];
  const body = measured.map((m) => [
    m.endpoint.path,
    ...kinds.flatMap((k) => {
      const s = m.sql.filter((x) => x.kind === k);
      const h = m.http.filter((x) => x.kind === k);
      return [`${fmt(pct(s, 95))} / ${fmt(pct(h, 95))}`];
    }),
  ]);
  return render(["endpoint", ...kinds.map((k) => `${k}: SQL / HTTP`)], body);
}

function jsTable(pages: PageJs[]): string {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const body = pages.map((p) =>
    p.status !== 200
      ? [p.route, "—", "—", "—", "—", `FAILED (status ${p.status})`]
      : [
          p.route,
          String(p.scripts),
          kb(p.rawBytes),
          kb(p.gzipBytes),
          kb(p.inlineGzipBytes),
          p.gzipBytes / 1024 <= TARGET_JS_KB ? "met" : "MISSED",
        ],
  );
  // The heavy scripts (over 20 kB gzipped) and how many of the pages load each.
  const heavy = new Map<string, { gzipBytes: number; pages: string[] }>();
  for (const p of pages) {
    for (const f of p.files.filter((x) => x.gzipBytes > 20 * 1024)) {
      const entry = heavy.get(f.src) ?? { gzipBytes: f.gzipBytes, pages: [] };
      entry.pages.push(p.route);
      heavy.set(f.src, entry);
    }
  }
  const heavyBody = [...heavy.entries()]
    .sort((a, b) => b[1].gzipBytes - a[1].gzipBytes)
    .map(([src, h]) => [src, kb(h.gzipBytes), h.pages.length === pages.length ? "all" : h.pages.join(" ")]);
  return [
    render(
      ["page", "scripts", "raw kB", "gzip kB", "inline gzip kB", `target ≤ ${TARGET_JS_KB} kB gzip`],
      body,
      new Set([0, 5]),
    ),
    "Scripts: every <script src> of the page's HTML but nomodule polyfills; inline: the page's inline scripts",
    "(RSC payload with its data, bootstrap), not counted in the target.",
    "",
    "Scripts over 20 kB gzipped:",
    render(["script", "gzip kB", "loaded by"], heavyBody, new Set([0, 2])),
  ].join("\n");
}
