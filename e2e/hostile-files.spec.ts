import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { lieAboutEntry, sheetAround, sheetXml, writeXlsx, writeXlsxParts } from "../tests/helpers/xlsx";
import { adminApi, createUser } from "./test-users";

/**
 * Files made to hurt the server, sent to a production server process of this spec's own (the
 * built app, a fresh embedded database, a 512 MB heap so that a bomb would really kill it), whose
 * memory is read from /proc: each file gets its refusal within seconds, the uploads beyond the
 * per-process limit get 503 at once, the server keeps answering, and its memory comes back.
 * Loopback only; the spec stops the server itself.
 */

/** How the production server starts (one place: it may become `node scripts/serve.mjs`). */
const START_SERVER = (port: number) => ({
  command: path.join("node_modules", ".bin", "next"),
  args: ["start", "-p", String(port), "-H", "127.0.0.1"],
});

/**
 * How much the server may have grown after the hostile files, once it settled. It was warmed
 * first with the same legitimate uploads (so the code is compiled and the embedded database's
 * memory, which never shrinks, has its working size); what is left is the garbage collector's
 * and allocator's slack. The reviewer's shared-strings bomb alone grew the server by 540 MB.
 */
const RSS_MARGIN_MB = 64;
/** Each hostile file's answer, from sending it to the refusal. */
const ANSWER_WITHIN_MS = 5_000;

test.describe.configure({ mode: "serial", timeout: 420_000 });

const MB = 1024 * 1024;
let scratch: string;
let server: ChildProcess | undefined;
let baseURL: string;
let clerk: APIRequestContext;
let serverPid: number;
let serverLog = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A process and all its descendants, from the parent ids in /proc/<pid>/stat. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (2nd field) is in parentheses and may hold spaces: read after the last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

/** The process listening on the port, among `pid` and its descendants (next may fork a server). */
function listeningProcess(pid: number, port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set(
    fs
      .readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A")
      .map((f) => `socket:[${f[9]}]`),
  );
  for (const candidate of processTree(pid)) {
    const fds = `/proc/${candidate}/fd`;
    for (const fd of fs.readdirSync(fds)) {
      const target = (() => {
        try {
          return fs.readlinkSync(`${fds}/${fd}`);
        } catch {
          return "";
        }
      })();
      if (inodes.has(target)) return candidate;
    }
  }
  throw new Error(`no process of ${pid} listens on ${port}`);
}

/** The process's resident memory in MB (NaN once it is gone). */
function rssMb(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/status`)) return Number.NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** RSS once the process is idle again: the lowest of a few readings over `seconds`. */
async function settledRssMb(pid: number, seconds = 8): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < seconds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    lowest = Math.min(lowest, rssMb(pid));
  }
  return lowest;
}

async function waitForHealth(url: string, deadline: number) {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`the server exited (${server?.exitCode}):\n${serverLog}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer /api/health in time:\n${serverLog}`);
}

/** The id of a process that has just ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid as number;
}

type Answer = {
  status: number;
  ms: number;
  body: { message?: string; errors?: { message: string }[] };
  retryAfter: string | null;
};

async function upload(file: string, dataset = "promotions"): Promise<Answer> {
  const started = Date.now();
  const response = await clerk.post("/api/uploads", {
    multipart: {
      dataset,
      dryRun: "true",
      file: { name: path.basename(file), mimeType: "application/octet-stream", buffer: fs.readFileSync(file) },
    },
    timeout: 120_000,
  });
  return {
    status: response.status(),
    ms: Date.now() - started,
    body: await response.json(),
    retryAfter: response.headers()["retry-after"] ?? null,
  };
}

/** The file's only error, as the clerk reads it. */
const fileMessage = (answer: Answer) => answer.body.errors?.[0]?.message ?? "";

/**
 * A legitimate arena file that takes the server a few seconds to check (a dry run). Of a year
 * whose reporting period the demo opened (2021–2024): the clerk may report no other.
 */
function arenaCsv(file: string, rows: number): string {
  const lines = ["地区,年度,层级,参赛单位,书记,得分"];
  for (let i = 0; i < rows; i++) lines.push(`乌拉特后旗,2022,嘎查村,测试村${i},某,${60 + (i % 40)}`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

test.beforeAll(async () => {
  test.setTimeout(420_000);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-hostile-"));
  const tmp = path.join(scratch, "tmp");
  fs.mkdirSync(tmp);
  // Upload folders a crashed server left behind (its process is gone), and one of a process that runs.
  const host = os.hostname();
  fs.mkdirSync(path.join(tmp, `cadre-upload-${host}-${await endedPid()}-crash1`));
  fs.mkdirSync(path.join(tmp, `cadre-upload-${host}-${process.pid}-alive1`));

  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: path.join(scratch, "pglite"),
    TMPDIR: tmp,
    NODE_OPTIONS: "--max-old-space-size=512",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const { command, args } = START_SERVER(port);
  server = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  // A fresh embedded database: migrations and the demo data first.
  await waitForHealth(baseURL, Date.now() + 240_000);
  serverPid = listeningProcess(server.pid as number, port);

  const admin = await adminApi(baseURL);
  const account = await createUser(admin, { prefix: "e2e-hostile", role: "clerk", regionCode: "150825" });
  await admin.dispose();
  clerk = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const signIn = await clerk.post("/api/auth/sign-in/username", {
    data: { username: account.username, password: account.password },
  });
  expect(signIn.status(), "a clerk of 乌拉特后旗 signs in").toBe(200);
});

test.afterAll(async () => {
  await clerk?.dispose();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 10_000)),
    ]);
    if (!stopped) server.kill("SIGKILL");
  }
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test("the server removed at start the upload folders of processes that are gone, and only those", () => {
  const left = fs.readdirSync(path.join(scratch, "tmp")).filter((name) => name.startsWith("cadre-upload-"));
  expect(left).toEqual([`cadre-upload-${os.hostname()}-${process.pid}-alive1`]);
});

test("hostile files are refused within seconds, uploads beyond the limit get 503, and the memory comes back", async () => {
  const files = path.join(scratch, "files");
  fs.mkdirSync(files);
  const legitimate = arenaCsv(path.join(files, "arena-30k.csv"), 30_000);

  await test.step("warm-up: two legitimate dry runs at once", async () => {
    const answers = await Promise.all([upload(legitimate, "arena"), upload(legitimate, "arena")]);
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
  });

  // The reviewer's bomb: 504 MB of shared strings deflated about 109 to 1.
  const stringsBomb = await writeXlsxParts(path.join(files, "strings-bomb.xlsx"), {
    "xl/sharedStrings.xml": function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
      const filler = "乌拉特后旗".repeat(32);
      for (let i = 0; i < 1_000_000; i++) yield `<si><t>${filler}${i}</t></si>`;
      yield "</sst>";
    },
  });
  // The merged-range bomb: a promotions sheet whose 10,000 rows all get read (its header is
  // right), each of them inside thousands of the 200,000 overlapping ranges.
  const mergeRows = 10_000;
  const cell = (ref: string, value: string | number) =>
    typeof value === "number"
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const mergeBomb = await writeXlsxParts(path.join(files, "merge-bomb.xlsx"), {
    "xl/worksheets/sheet1.xml": () =>
      sheetAround(
        Array.from({ length: mergeRows }, (_, i) => {
          const r = i + 1;
          const values = r === 1 ? ["地区", "年度", "季度", "领域", "人数"] : ["乌拉特后旗", 2024, 1, "乡村振兴", r];
          return `<row r="${r}">${values.map((v, c) => cell(`${"ABCDE"[c]}${r}`, v)).join("")}</row>`;
        }),
        `<mergeCells count="200000">${Array.from(
          { length: 200_000 },
          (_, i) => `<mergeCell ref="F${(i % mergeRows) + 1}:H${mergeRows}"/>`,
        ).join("")}</mergeCells>`,
      ),
  });
  const lying = lieAboutEntry(
    writeXlsx(path.join(files, "lying.xlsx"), [
      { name: "提拔使用", xml: sheetXml(Array.from({ length: 2000 }, (_, r) => ["乌拉特后旗", 2024, r])) },
    ]),
    "xl/worksheets/sheet1.xml",
    (sizes) => ({ uncompressed: sizes.uncompressed - 1000 }),
  );
  const before = await settledRssMb(serverPid);
  const measured: Record<string, number> = {};
  const rssLog: string[] = [`before ${before.toFixed(0)} MB`];

  await test.step("each hostile file: 422 with its message, within seconds", async () => {
    const cases: [string, string, RegExp][] = [
      ["shared-strings bomb", stringsBomb, /文件中的文字内容过多/],
      ["merged-range bomb", mergeBomb, /合并单元格过多/],
      ["lying sizes", lying, /Excel 文件已损坏/],
    ];
    for (const [name, file, message] of cases) {
      const answer = await upload(file);
      measured[name] = answer.ms;
      rssLog.push(`${name} ${rssMb(serverPid).toFixed(0)} MB`);
      // Soft: every file's outcome is reported, not only the first one that fails.
      expect.soft(answer.status, `${name}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(422);
      expect.soft(fileMessage(answer), name).toMatch(message);
      expect.soft(answer.ms, name).toBeLessThan(ANSWER_WITHIN_MS);
    }
  });

  await test.step("eight shared-strings bombs at once: refused or told to retry, never a crash", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => upload(stringsBomb)));
    rssLog.push(`eight bombs ${rssMb(serverPid).toFixed(0)} MB`);
    for (const answer of answers) {
      expect.soft([422, 503]).toContain(answer.status);
      expect.soft(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
  });

  await test.step("eight legitimate uploads at once: two are checked, the others get 503 at once", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => upload(legitimate, "arena")));
    rssLog.push(`eight legitimate ${rssMb(serverPid).toFixed(0)} MB`);
    console.log(`eight at once: ${JSON.stringify(answers.map((a) => [a.status, a.ms]))}`);
    const busy = answers.filter((a) => a.status === 503);
    const done = answers.filter((a) => a.status === 200);
    expect(busy.length + done.length, JSON.stringify(answers.map((a) => a.status))).toBe(8);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const answer of busy) {
      expect(answer.body.message).toMatch(/服务器正在处理其他上传，请稍后重试/);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
    measured["503 (slowest)"] = Math.max(...busy.map((a) => a.ms));
  });

  await test.step("the server still answers, and its memory came back", async () => {
    const health = await fetch(`${baseURL}/api/health`);
    expect(health.status).toBe(200);
    const after = await settledRssMb(serverPid);
    console.log(
      `hostile files: RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after (margin ${RSS_MARGIN_MB} MB); ` +
        `answers in ms: ${JSON.stringify(measured)}; RSS along the way: ${rssLog.join(", ")}`,
    );
    expect(after - before).toBeLessThan(RSS_MARGIN_MB);
    expect(server?.exitCode).toBeNull();
    expect(fs.statSync(stringsBomb).size).toBeLessThan(8 * MB);
  });
});
