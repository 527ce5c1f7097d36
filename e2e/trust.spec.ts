import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { adminApi, createUser, newUser } from "./test-users";

/**
 * What the production server (scripts/serve.mjs) vouches for: the client address in the audit
 * log, the host in the origin checks, and the upload limit on every door. Against the real
 * server process, over real sockets.
 */

async function auditOf(admin: APIRequestContext, query: string) {
  const response = await admin.get(`/api/audit?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).rows as { ip: string | null; action: string; detail: Record<string, unknown> }[];
}

test("a sign-in with a forged X-Forwarded-For is recorded with the socket's address", async ({ baseURL }) => {
  const admin = await adminApi(baseURL);
  const user = await createUser(admin, { prefix: "e2e-xff" });
  const forger = await request.newContext({
    baseURL,
    extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.10" },
  });
  const response = await forger.post("/api/auth/sign-in/username", {
    data: { username: user.username, password: user.password },
  });
  expect(response.status()).toBe(200);
  await forger.dispose();
  const signIns = await auditOf(admin, `action=auth.sign_in&user=${user.username}`);
  expect(signIns.map((row) => row.ip)).toEqual(["127.0.0.1"]);
  await admin.dispose();
});

test("a write from another site is refused even with a forged X-Forwarded-Host naming it", async ({
  page,
  baseURL,
}) => {
  const admin = await adminApi(baseURL);
  const clerk = await createUser(admin, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
  const viewer = await createUser(admin, { prefix: "e2e-view" });
  await admin.dispose();
  await signIn(page, clerk.username, clerk.password);
  const forged = { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" };
  const figure = await page.request.post("/api/figures", {
    headers: forged,
    data: { dataset: "promotions", region: "150825", year: 2023, quarter: 4, key: "乡村振兴", count: 999 },
  });
  expect(figure.status()).toBe(403);

  // The upload route, which the proxy does not see, refuses it itself.
  const upload = await page.request.post("/api/uploads", {
    headers: forged,
    multipart: {
      dataset: "promotions",
      dryRun: "true",
      file: { name: "figures.csv", mimeType: "text/csv", buffer: Buffer.from("地区,年度,季度,领域,人数\n") },
    },
  });
  expect(upload.status()).toBe(403);
  expect((await upload.json()).message).toContain("拒绝来自其他网站的请求");

  // better-auth's own origin check reads the same host.
  const anonymous = await request.newContext({ baseURL });
  const signInFromElsewhere = await anonymous.post("/api/auth/sign-in/username", {
    headers: forged,
    data: { username: viewer.username, password: viewer.password },
  });
  expect(signInFromElsewhere.status()).toBe(403);
  await anonymous.dispose();
});

test("chart downloads are no longer recorded by the browser: POST /api/exports is gone", async ({ page, baseURL }) => {
  const viewer = await newUser(baseURL, { prefix: "e2e-view", regionCode: "150000" });
  await signIn(page, viewer.username, viewer.password);
  const response = await page.request.post("/api/exports", {
    data: { what: "made up", format: "csv", region: "150800", rows: 12 },
  });
  expect(response.status()).toBe(404);
});

test("an anonymous /api/auth body over 16 kB gets 413 with a message", async ({ request: anonymous }) => {
  const response = await anonymous.post("/api/auth/sign-in/username", {
    data: { username: "x".repeat(5 * 1024 * 1024), password: "x" },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).message).toBe("请求内容过大（最多 16 KB）。");
});

test.describe("uploads up to the documented limit", () => {
  test.setTimeout(180_000);

  test("a 20 MB CSV (dry run) reaches the import pipeline through POST /api/uploads, the page's door too", async ({
    page,
    baseURL,
  }) => {
    const clerk = await newUser(baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
    await signIn(page, clerk.username, clerk.password);
    // One real row whose last cell is padded with 20 MB of spaces: the pipeline reads it all and
    // reports, where the proxy used to cut the body at 10 MB and the form could not be read.
    const content = Buffer.concat([
      Buffer.from("地区,年度,季度,领域,人数\n乌拉特后旗,2022,1,基层治理,2"),
      Buffer.alloc(20 * 1024 * 1024, " "),
      Buffer.from("\n"),
    ]);
    const response = await page.request.post("/api/uploads", {
      multipart: {
        dataset: "promotions",
        dryRun: "true",
        file: { name: "big.csv", mimeType: "text/csv", buffer: content },
      },
      timeout: 150_000,
    });
    const body = await response.json();
    expect([200, 422], JSON.stringify(body).slice(0, 300)).toContain(response.status());
    expect(body).toMatchObject({ dataset: "promotions" });
    expect(body.message ?? "").not.toContain("multipart");
  });

  test("over 128 MB is refused with 413 and the limit's own message", async ({ page, baseURL }) => {
    const clerk = await newUser(baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
    await signIn(page, clerk.username, clerk.password);
    const response = await page.request.post("/api/uploads", {
      multipart: {
        dataset: "promotions",
        dryRun: "true",
        file: { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(129 * 1024 * 1024, "\n") },
      },
      timeout: 150_000,
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).message).toBe("文件超过 128 MB，请拆分后分批上传。");
  });
});

/** A free port on the loopback interface, for a second server. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe("behind a trusted proxy", () => {
  // A second production server, with TRUSTED_PROXIES=127.0.0.1: on the same Postgres database,
  // or on an embedded one of its own (which it fills with the demo data first).
  test.setTimeout(300_000);
  let server: ChildProcess | undefined;
  let scratch: string | undefined;
  let baseURL = "";

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, TRUSTED_PROXIES: "127.0.0.1" };
    if (!process.env.DATABASE_URL) {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-proxied-"));
      env.PGLITE_DIR = path.join(scratch, "pglite");
    }
    server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const started = Date.now();
    for (;;) {
      expect(server.exitCode, "the second server exited").toBeNull();
      const ok = await fetch(`${baseURL}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      expect(Date.now() - started, "the second server did not start").toBeLessThan(280_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test("records the address the proxy forwarded", async () => {
    const admin = await adminApi(baseURL);
    const user = await createUser(admin, { prefix: "e2e-proxied" });
    const viaProxy = await request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.9" } });
    const response = await viaProxy.post("/api/auth/sign-in/username", {
      data: { username: user.username, password: user.password },
    });
    expect(response.status()).toBe(200);
    await viaProxy.dispose();
    const signIns = await auditOf(admin, `action=auth.sign_in&user=${user.username}`);
    expect(signIns.map((row) => row.ip)).toEqual(["203.0.113.9"]);
    await admin.dispose();
  });
});
