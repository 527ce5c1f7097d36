/**
 * The production server for the dashboard benchmark: a snapshot of the current build (.next
 * without its cache, beside links to node_modules and the sources the server reads at run time),
 * started with scripts/serve.mjs on a free port against the bench database. The snapshot keeps the
 * run steady while other work rebuilds .next in the project folder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = process.cwd();
const nextDir = path.join(root, ".next");

/** A `next build` of this project running now (its process, or the lock file it holds). */
function buildRunning(): boolean {
  if (fs.existsSync(path.join(nextDir, "lock"))) return true;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      if (/next(\.js)? build/.test(cmd) && fs.readlinkSync(`/proc/${pid}/cwd`) === root) return true;
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return false;
}

const buildId = () => {
  try {
    return fs.readFileSync(path.join(nextDir, "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
};

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

/**
 * Waits while another process builds; builds when there is no build at all; then copies the
 * build into `dir` and checks that it did not change during the copy (else waits and copies again).
 */
export async function snapshotBuild(
  dir: string,
  log: (line: string) => void,
): Promise<{ dir: string; buildId: string }> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    let waited = 0;
    while (buildRunning() && waited < 900) {
      if (waited % 30 === 0) log(`  a next build is running in ${root}; waiting for it to finish…`);
      await sleep(5000);
      waited += 5;
    }
    if (!buildId()) {
      log("  no production build (.next/BUILD_ID): running npx next build");
      await run("npx", ["next", "build"]);
    }
    const before = buildId();
    if (!before) continue;
    const app = path.join(dir, `app-${attempt}`);
    fs.mkdirSync(path.join(app, "db"), { recursive: true });
    fs.cpSync(nextDir, path.join(app, ".next"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => source !== path.join(nextDir, "cache") && source !== path.join(nextDir, "lock"),
    });
    fs.mkdirSync(path.join(app, "scripts"), { recursive: true });
    fs.mkdirSync(path.join(app, "lib"), { recursive: true });
    fs.mkdirSync(path.join(app, "server"), { recursive: true });
    // The production server entry and the one module it reads (scripts/serve.mjs).
    for (const file of [
      "package.json",
      "next.config.ts",
      "tsconfig.json",
      "scripts/serve.mjs",
      "server/client-address.mjs",
    ]) {
      fs.copyFileSync(path.join(root, file), path.join(app, file));
    }
    // Read at run time from process.cwd(): migrations and the reference regions.
    fs.cpSync(path.join(root, "drizzle"), path.join(app, "drizzle"), { recursive: true });
    fs.cpSync(path.join(root, "db", "reference"), path.join(app, "db", "reference"), { recursive: true });
    for (const link of ["node_modules", "public", "i18n"]) {
      if (fs.existsSync(path.join(root, link))) fs.symlinkSync(path.join(root, link), path.join(app, link));
    }
    if (!buildRunning() && buildId() === before && fs.existsSync(path.join(app, ".next", "BUILD_ID"))) {
      return { dir: app, buildId: before };
    }
    log("  the build changed while it was copied; trying again");
    fs.rmSync(app, { recursive: true, force: true });
  }
  throw new Error("could not take a steady copy of the production build");
}

export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred}`);
}

export type Server = { baseUrl: string; pid: number; logFile: string; stop(): Promise<void> };

/**
 * The production server (scripts/serve.mjs) in its own process group (so that stopping it ends the
 * server and nothing else), its output in a log file; resolves once /api/health answers ok.
 */
export async function startServer(opts: {
  appDir: string;
  port: number;
  env: Record<string, string | undefined>;
  logFile: string;
}): Promise<Server> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const out = fs.openSync(opts.logFile, "a");
  const child: ChildProcess = spawn("node", ["scripts/serve.mjs", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: opts.appDir,
    env: opts.env as NodeJS.ProcessEnv,
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  const pid = child.pid;
  if (!pid) throw new Error("the production server did not start");
  let exited: string | null = null;
  child.on("exit", (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  };
  const started = performance.now();
  while (performance.now() - started < 180_000) {
    if (exited) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      const body = (await response.json()) as { ok?: boolean };
      if (body.ok) return { baseUrl, pid, logFile: opts.logFile, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  await stop();
  const tail = fs.readFileSync(opts.logFile, "utf8").split("\n").slice(-30).join("\n");
  throw new Error(`the server did not become healthy (${exited ?? "timeout"}); its log ends:\n${tail}`);
}

/** Signs in by username and password and returns the Cookie header to send. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!cookies.some((c) => c.startsWith("cadre"))) throw new Error("sign-in set no session cookie");
  return cookies.join("; ");
}
