import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { receiveUpload } from "@/server/import/receive";
import { makeUploadDir, removeAbandonedUploadDirs } from "@/server/import/upload-dirs";

/** The id of a process that has just ended (so no process has it, barring quick reuse). */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid as number;
}

describe("temporary upload folders", () => {
  it("are named after the host and the process that owns them", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-dirs-"));
    const dir = await makeUploadDir(root);
    expect(path.basename(dir)).toMatch(new RegExp(`^cadre-upload-${os.hostname()}-${process.pid}-\\w{6}$`));
  });

  it("of a receiving request carry the owner too, and go when the request is done", async () => {
    const form = new FormData();
    form.set("dataset", "promotions");
    form.set("file", new Blob(["地区,年度\n"]), "a.csv");
    const received = await receiveUpload(new Request("http://localhost/api/uploads", { method: "POST", body: form }));
    if (!received.ok) throw new Error(received.reason);
    const dir = path.dirname(received.filePath);
    expect(path.basename(dir)).toMatch(new RegExp(`^cadre-upload-${os.hostname()}-${process.pid}-`));
    await received.cleanUp();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("left by a process that is gone are removed at start; those of running processes and other hosts stay", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-dirs-"));
    const host = os.hostname();
    const gone = await endedPid();
    const folders = {
      crashed: `cadre-upload-${host}-${gone}-abc123`,
      running: `cadre-upload-${host}-${process.pid}-def456`,
      otherHost: `cadre-upload-not-${host}-${gone}-ghi789`,
      olderName: "cadre-upload-jkl012",
      notOurs: "something-else",
    };
    for (const name of Object.values(folders)) {
      fs.mkdirSync(path.join(root, name));
      fs.writeFileSync(path.join(root, name, "part.xlsx"), "…");
    }
    expect(await removeAbandonedUploadDirs(root)).toEqual([folders.crashed]);
    expect(fs.readdirSync(root).sort()).toEqual(
      [folders.running, folders.otherHost, folders.olderName, folders.notOurs].sort(),
    );
  });
});
