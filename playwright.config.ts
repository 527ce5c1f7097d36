import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// The server gets exactly the database the test script prepared for this run: a fresh server
// database (DATABASE_URL) or a fresh embedded folder (PGLITE_DIR), never a developer's own data.
const databaseEnv: Record<string, string> = {};
if (process.env.DATABASE_URL) databaseEnv.DATABASE_URL = process.env.DATABASE_URL;
if (process.env.PGLITE_DIR) databaseEnv.PGLITE_DIR = process.env.PGLITE_DIR;

export default defineConfig({
  testDir: "e2e",
  // Not test-results/ itself: Playwright empties its output folder, which also holds vitest.json.
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  // Two cores: one browser against one production server is already the whole machine.
  workers: 1,
  retries: 0,
  // Pages draw their charts and map after they are interactive, on a 2-core machine that also runs
  // the server and the database: give an expectation 10 s (Playwright's default is 5) to come true.
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    locale: "zh-CN",
    screenshot: "only-on-failure",
    trace: "off",
    video: "off",
    launchOptions: {
      // The system Chromium, not a downloaded one: CI machines have no route to the browser CDN.
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The production build behind the production server (scripts/serve.mjs), as users get it.
    command: `node scripts/serve.mjs -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: databaseEnv,
    // SIGTERM first so the server closes its database (PGlite flushes and releases its lock).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
