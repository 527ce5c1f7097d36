import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Temporary folders of uploads being received, `cadre-upload-<host>-<pid>-XXXXXX` in the system's
 * temporary folder. A request deletes its own when done; a process that crashed mid-upload
 * leaves its behind, and those are removed when a server starts. Several servers may share the
 * machine (and a temporary folder shared between containers may hold other hosts' folders), so
 * a start removes only folders of this host whose process is gone.
 */
const PREFIX = "cadre-upload-";
const NAME = /^cadre-upload-(.+)-(\d+)-[A-Za-z0-9]{6}$/;

export function makeUploadDir(root = os.tmpdir()): Promise<string> {
  return fs.promises.mkdtemp(path.join(root, `${PREFIX}${os.hostname()}-${process.pid}-`));
}

/** Whether a process with this id runs on this machine (signal 0 only checks; EPERM: it runs as someone else). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the upload folders that crashed processes of this host left behind; returns their names. */
export async function removeAbandonedUploadDirs(root = os.tmpdir()): Promise<string[]> {
  const host = os.hostname();
  const names = await fs.promises.readdir(root).catch(() => [] as string[]);
  const abandoned = names.filter((name) => {
    const match = NAME.exec(name);
    return match !== null && match[1] === host && !running(Number(match[2]));
  });
  for (const name of abandoned) await fs.promises.rm(path.join(root, name), { recursive: true, force: true });
  return abandoned;
}
