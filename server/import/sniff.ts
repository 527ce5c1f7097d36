import fs from "node:fs";

/**
 * What a file really is, from its first bytes rather than its name: clerks rename files, and a
 * refusal should say what the file looks like.
 */
export type FileKind = "csv" | "xlsx";
export type Sniffed = { ok: true; kind: FileKind } | { ok: false; looksLike: string };

const SIGNATURES: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], "xls"],
  [[0x25, 0x50, 0x44, 0x46], "pdf"],
  [[0x89, 0x50, 0x4e, 0x47], "png"],
  [[0xff, 0xd8, 0xff], "jpeg"],
  [[0x47, 0x49, 0x46, 0x38], "gif"],
  [[0x52, 0x61, 0x72, 0x21], "rar"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z"],
  [[0x1f, 0x8b], "gzip"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "rtf"],
];

export async function sniff(filePath: string): Promise<Sniffed> {
  const handle = await fs.promises.open(filePath, "r");
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
    if (head.length === 0) return { ok: false, looksLike: "empty" };
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      // A zip: XLSX names xl/ among its first entries; Word and PowerPoint name word/ and ppt/.
      const names = head.toString("latin1");
      if (/word\//.test(names)) return { ok: false, looksLike: "docx" };
      if (/ppt\//.test(names)) return { ok: false, looksLike: "pptx" };
      return { ok: true, kind: "xlsx" };
    }
  } finally {
    await handle.close();
  }
  for (const [signature, kind] of SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) return { ok: false, looksLike: kind };
  }
  const sample = head.toString("latin1");
  if (/^\s*<(!doctype html|html)/i.test(sample)) return { ok: false, looksLike: "html" };
  // Text has few control bytes; binary files have many.
  const control = [...head].filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
  if (control > head.length / 50) return { ok: false, looksLike: "binary" };
  return { ok: true, kind: "csv" };
}
