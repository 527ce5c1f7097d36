import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { IMPORT_LIMITS } from "@/server/import/pipeline";
import { makeUploadDir } from "@/server/import/upload-dirs";

/**
 * Streams a multipart upload (fields `dataset`, `dryRun`, and `file`) to a temporary file, never
 * holding it in memory, and stops at the size limit. The caller deletes the file (`cleanUp`); a
 * crash leaves the folder to the next server start (upload-dirs.ts).
 */
export type Received =
  | { ok: true; fields: Record<string, string>; filePath: string; fileName: string; cleanUp: () => Promise<void> }
  | { ok: false; reason: "tooLarge" | "noFile" | "badForm" };

export async function receiveUpload(request: Request): Promise<Received> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) return { ok: false, reason: "badForm" };
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > IMPORT_LIMITS.maxBytes + 64 * 1024) return { ok: false, reason: "tooLarge" };

  const dir = await makeUploadDir();
  const cleanUp = () => fs.promises.rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let filePath = "";
  let fileName = "";
  let tooLarge = false;
  const writes: Promise<void>[] = [];
  try {
    const busboy = Busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 10, fieldSize: 1024 },
      defParamCharset: "utf8",
    });
    busboy.on("field", (name, value) => {
      fields[name] = value;
    });
    busboy.on("file", (name, stream, info) => {
      if (name !== "file" || filePath) return void stream.resume();
      fileName = path.basename(info.filename || "upload");
      filePath = path.join(dir, `${randomBytes(8).toString("hex")}${path.extname(fileName).slice(0, 10)}`);
      stream.on("limit", () => {
        tooLarge = true;
      });
      writes.push(pipeline(stream, fs.createWriteStream(filePath)));
    });
    await pipeline(Readable.fromWeb(request.body as unknown as WebReadableStream), busboy);
    await Promise.all(writes);
  } catch {
    await cleanUp();
    return { ok: false, reason: tooLarge ? "tooLarge" : "badForm" };
  }
  if (tooLarge) {
    await cleanUp();
    return { ok: false, reason: "tooLarge" };
  }
  if (!filePath) {
    await cleanUp();
    return { ok: false, reason: "noFile" };
  }
  return { ok: true, fields, filePath, fileName, cleanUp };
}
