import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, lockFileFor, PgliteFolderBusyError } from "@/db/pglite-lock";

let tmp: string;
let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
  dir = path.join(tmp, "pglite");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeLock(pid: number) {
  fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid, host: os.hostname() }));
}

function holder(): { pid: number } {
  return JSON.parse(fs.readFileSync(lockFileFor(dir), "utf8"));
}

/** A pid that certainly belongs to no running process: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (child.pid === undefined) throw new Error("could not spawn a child process");
  return child.pid;
}

describe("acquirePgliteLock", () => {
  it("writes a lock file beside the folder and release removes it", () => {
    const release = acquirePgliteLock(dir);
    expect(holder().pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });

  it("refuses a folder held by another live process", async () => {
    const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(sleeper);
    await new Promise((resolve, reject) => sleeper.once("spawn", resolve).once("error", reject));
    if (sleeper.pid === undefined) throw new Error("could not spawn sleep");
    writeLock(sleeper.pid);

    expect(() => acquirePgliteLock(dir)).toThrow(PgliteFolderBusyError);
    // The other process keeps its lock.
    expect(holder().pid).toBe(sleeper.pid);
  });

  it("takes over a lock left by a process that died", async () => {
    writeLock(await deadPid());
    const release = acquirePgliteLock(dir);
    expect(holder().pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });

  it("does not remove a lock that another process has since taken", () => {
    const release = acquirePgliteLock(dir);
    writeLock(process.pid + 1_000_000);
    release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(true);
  });
});
