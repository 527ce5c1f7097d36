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
