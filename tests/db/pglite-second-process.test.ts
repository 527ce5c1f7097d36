import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, connect } from "@/db/connect";

// Only meaningful for the embedded database; the server case has no folder to share.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-lock-"));
let held: Connection;

beforeAll(async () => {
  held = await connect({ pgliteDir: path.join(dir, "pglite") });
});

afterAll(async () => {
  await held?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a PGlite folder held by a running process", () => {
  it("is refused by a second process (the db command) with a clear message, and nothing is opened", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "pglite") };
    delete env.DATABASE_URL;
    const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db.ts", "migrate"], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`正被进程 ${process.pid} 使用`);
    expect(result.stderr).toContain("Stop it first");
  });

  it("opens again once the holder has closed it", async () => {
    await held.close();
    const again = await connect({ pgliteDir: path.join(dir, "pglite") });
    await again.close();
    held = await connect({ pgliteDir: path.join(dir, "pglite") });
  });
});
