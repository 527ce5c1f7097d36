import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";

/** Builds small XLSX files by hand, so a test shows exactly what the file holds. */
export type XCell = string | number | { date: number } | { shared: number } | null;

const col = (i: number) => String.fromCharCode(65 + i);

export function sheetXml(rows: XCell[][], merges: string[] = []): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (cell === null) return "";
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
          if (typeof cell === "object" && "date" in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
          if (typeof cell === "object" && "shared" in cell) return `<c r="${ref}" t="s"><v>${cell.shared}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${cell}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${mergeXml}</worksheet>`;
}

function parts(sheets: { name: string; xml: string }[], sharedStrings: string[]): Record<string, string> {
  return {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml" Type="worksheet"/>`)
      .join("")}</Relationships>`,
    // Style 1 is a date (built-in format 14).
    "xl/styles.xml": `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings
      .map((s) => `<si><t>${s}</t></si>`)
      .join("")}</sst>`,
    ...Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml])),
  };
}

export function writeXlsx(file: string, sheets: { name: string; xml: string }[], sharedStrings: string[] = []): string {
  const files = parts(sheets, sharedStrings);
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, strToU8(c)]))));
  return file;
}

/**
 * A zip bomb in XLSX clothing: a worksheet that inflates to `megabytes` of zeros from a few
 * hundred kilobytes. Built chunk by chunk so the test itself stays small in memory.
 */
export async function writeZipBomb(file: string, megabytes: number): Promise<string> {
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  for (const [name, content] of Object.entries(parts([{ name: "Sheet1", xml: "" }], []))) {
    if (name.endsWith("sheet1.xml")) continue;
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(strToU8(content), true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 9 });
  zip.add(sheet);
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) sheet.push(zeros, i === megabytes - 1);
  zip.end();
  await done;
  return file;
}

export function tempFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cadre-fixture-")), name);
}

/** A part's content: text, or chunks of text produced one at a time (for parts too big to build whole). */
export type PartContent = string | (() => Iterable<string>);

/**
 * An XLSX with the default parts of `writeXlsx` (one sheet, no strings) replaced or added by
 * `overrides`, streamed to disk entry by entry, so a test can build a part of hundreds of
 * megabytes without holding it.
 */
export async function writeXlsxParts(file: string, overrides: Record<string, PartContent>): Promise<string> {
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  const all: Record<string, PartContent> = {
    ...parts([{ name: "Sheet1", xml: sheetXml([["地区"]]) }], []),
    ...overrides,
  };
  for (const [name, content] of Object.entries(all)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (typeof content === "string") {
      entry.push(strToU8(content), true);
      continue;
    }
    // Chunks are gathered to about a megabyte before deflating: fflate is slow on tiny pushes.
    let pending: string[] = [];
    let length = 0;
    for (const chunk of content()) {
      pending.push(chunk);
      length += chunk.length;
      if (length >= 1 << 20) {
        entry.push(strToU8(pending.join("")));
        pending = [];
        length = 0;
      }
    }
    entry.push(strToU8(pending.join("")), true);
  }
  zip.end();
  await done;
  return file;
}

/** The worksheet part around rows given as chunks of `<row>` XML. */
export function* sheetAround(rows: Iterable<string>, after = ""): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  yield* rows;
  yield `</sheetData>${after}</worksheet>`;
}

/**
 * Rewrites what the zip's headers say about one entry (local header and central directory):
 * its inflated size (`uncompressed`) or how many compressed bytes it has (`compressed`, which
 * cuts the entry short when smaller). The data itself is left as it is: a zip that lies.
 */
export function lieAboutEntry(
  file: string,
  entryName: string,
  lie: (sizes: { compressed: number; uncompressed: number }) => { compressed?: number; uncompressed?: number },
): string {
  const zip = fs.readFileSync(file);
  const name = Buffer.from(entryName);
  let patched = 0;
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = zip.readUInt32LE(i);
    // Local file header: sizes at 18 and 22, name length at 26, name at 30.
    // Central directory header: sizes at 20 and 24, name length at 28, name at 46.
    const layout =
      signature === 0x04034b50
        ? { compressed: 18, uncompressed: 22, nameLength: 26, name: 30 }
        : signature === 0x02014b50
          ? { compressed: 20, uncompressed: 24, nameLength: 28, name: 46 }
          : null;
    if (!layout) continue;
    const length = zip.readUInt16LE(i + layout.nameLength);
    if (!zip.subarray(i + layout.name, i + layout.name + length).equals(name)) continue;
    const sizes = {
      compressed: zip.readUInt32LE(i + layout.compressed),
      uncompressed: zip.readUInt32LE(i + layout.uncompressed),
    };
    const told = lie(sizes);
    if (told.compressed !== undefined) zip.writeUInt32LE(told.compressed, i + layout.compressed);
    if (told.uncompressed !== undefined) zip.writeUInt32LE(told.uncompressed, i + layout.uncompressed);
    patched++;
  }
  if (patched !== 2) throw new Error(`${entryName}: expected a local and a central header, found ${patched}`);
  fs.writeFileSync(file, zip);
  return file;
}
