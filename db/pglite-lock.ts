import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Two PGlite instances on one folder silently lose writes, so a process that opens a folder
 * holds a lock file beside it until it exits, and a second process refuses to open it.
 */
export class PgliteFolderBusyError extends Error {
  constructor(dir: string, pid: number, lockFile: string) {
    super(
      `数据库目录 ${dir} 正被进程 ${pid} 使用（多为正在运行的服务）。请先停止该进程再运行此命令，或设置 DATABASE_URL 使用 Postgres 服务器。` +
        `\nThe database folder ${dir} is held by process ${pid} (usually the running server). Stop it first, or set DATABASE_URL to use a Postgres server.` +
        ` If no such process runs, delete ${lockFile}.`,
    );
    this.name = "PgliteFolderBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

/** Takes the folder's lock for this process; returns the function that releases it. */
export function acquirePgliteLock(dir: string): () => void {
  const lockFile = lockFileFor(dir);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname() }), { flag: "wx" });
      const release = () => {
        try {
          const holder = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new PgliteFolderBusyError(dir, holder.pid, lockFile);
      }
      // A lock left by a process that died (or by this one before a restart): take it over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

function readHolder(lockFile: string): { pid: number } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid?: unknown };
    return typeof parsed.pid === "number" ? { pid: parsed.pid } : null;
  } catch {
    return null;
  }
}
