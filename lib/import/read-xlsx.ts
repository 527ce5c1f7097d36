import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import yauzl from "yauzl";
import type { Cell } from "./parse";

/**
 * XLSX, streamed: the archive's central directory is checked (entry count, declared sizes,
 * compression ratio) before a byte is inflated, and the inflated sizes are held to what was
 * declared, so a zip bomb is refused at once without memory growth. Cells come out as text or
 * numbers; date-formatted numbers as `YYYY-MM-DD`, percent-formatted ones as `12%`.
 */
export const XLSX_LIMITS = {
  entries: 1_000,
  /** All entries together, inflated. */
  totalBytes: 512 * 1024 * 1024,
  /** Inflated ÷ compressed, for any entry larger than a few kilobytes. */
  ratio: 200,
};

export class XlsxRefused extends Error {
  constructor(
    readonly reason: "zipBomb" | "notXlsx" | "noSheet",
    message: string = reason,
  ) {
    super(message);
  }
}

type Entry = yauzl.Entry;

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(new XlsxRefused("notXlsx", String(error))) : resolve(zip),
    ),
  );
}

async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, Entry>> {
  if (zip.entryCount > XLSX_LIMITS.entries) throw new XlsxRefused("zipBomb");
  const entries = new Map<string, Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > XLSX_LIMITS.totalBytes || (entry.uncompressedSize > 65_536 && ratio > XLSX_LIMITS.ratio)) {
        return reject(new XlsxRefused("zipBomb"));
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", (error) => reject(new XlsxRefused("notXlsx", String(error))));
    zip.readEntry();
  });
  return entries;
}

function openEntry(zip: yauzl.ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error) : resolve(stream))),
  );
}

/** Feeds an entry's XML to a SAX parser; handlers are attached by the caller. */
async function parseXml(zip: yauzl.ZipFile, entry: Entry, attach: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  attach(parser);
  const stream = await openEntry(zip, entry);
  // A character can straddle two inflated chunks: decode as a stream, never chunk by chunk.
  const utf8 = new TextDecoder("utf-8");
  for await (const chunk of stream) parser.write(utf8.decode(chunk as Buffer, { stream: true }));
  parser.write(utf8.decode());
  parser.close();
}

/**
 * Runs a regular expression over an entry's text as it inflates, without holding the text: each
 * chunk is searched with the unmatched tail of the previous one (`tail` characters at most, longer
 * than any match) in front of it.
 */
async function scanXml(
  zip: yauzl.ZipFile,
  entry: Entry,
  pattern: RegExp,
  tail: number,
  onMatch: (match: RegExpMatchArray) => void,
): Promise<void> {
  const stream = await openEntry(zip, entry);
  const utf8 = new TextDecoder("utf-8");
  let carry = "";
  const scan = (text: string, final: boolean) => {
    let end = 0;
    for (const match of text.matchAll(pattern)) {
      onMatch(match);
      end = (match.index ?? 0) + match[0].length;
    }
    carry = final ? "" : text.slice(Math.max(end, text.length - tail));
  };
  for await (const chunk of stream) scan(carry + utf8.decode(chunk as Buffer, { stream: true }), false);
  scan(carry + utf8.decode(), true);
}

const attr = (tag: { attributes: Record<string, unknown> }, name: string) => {
  const value = tag.attributes[name];
  return typeof value === "string" ? value : (value as { value?: string } | undefined)?.value;
};

/** Sheet paths by name, in workbook order. */
async function sheets(zip: yauzl.ZipFile, entries: Map<string, Entry>): Promise<{ name: string; path: string }[]> {
  const workbook = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new XlsxRefused("notXlsx");
  const targets = new Map<string, string>();
  await parseXml(zip, rels, (p) =>
    p.on("opentag", (tag) => {
      if (tag.name !== "Relationship") return;
      const target = attr(tag, "Target") ?? "";
      targets.set(attr(tag, "Id") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }),
  );
  const list: { name: string; path: string }[] = [];
  await parseXml(zip, workbook, (p) =>
    p.on("opentag", (tag) => {
      if (tag.name !== "sheet") return;
      const path = targets.get(attr(tag, "r:id") ?? "");
      if (path) list.push({ name: attr(tag, "name") ?? "", path });
    }),
  );
  return list;
}

async function sharedStrings(zip: yauzl.ZipFile, entry: Entry | undefined): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  await parseXml(zip, entry, (p) => {
    p.on("opentag", (tag) => {
      if (tag.name === "si") current = "";
      else if (tag.name === "rPh") phonetic++;
      else if (tag.name === "t" && phonetic === 0) inText = true;
    });
    p.on("text", (t) => {
      if (inText) current += t;
    });
    p.on("closetag", (tag) => {
      if (tag.name === "t") inText = false;
      else if (tag.name === "rPh") phonetic--;
      else if (tag.name === "si") strings.push(current);
    });
  });
  return strings;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** Which cell styles format numbers as dates, and which as percentages. */
async function numberStyles(zip: yauzl.ZipFile, entry: Entry | undefined) {
  const dates = new Set<number>();
  const percents = new Set<number>();
  if (!entry) return { dates, percents };
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await parseXml(zip, entry, (p) => {
    p.on("opentag", (tag) => {
      if (tag.name === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (tag.name === "cellXfs") inCellXfs = true;
      else if (tag.name === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        const code = (custom.get(id) ?? "").replace(/"[^"]*"|\[[^\]]*\]/g, "");
        if (BUILTIN_DATE_FORMATS.has(id) || /[ymd]/i.test(code)) dates.add(index);
        if (BUILTIN_PERCENT_FORMATS.has(id) || code.includes("%")) percents.add(index);
        index++;
      }
    });
    p.on("closetag", (tag) => {
      if (tag.name === "cellXfs") inCellXfs = false;
    });
  });
  return { dates, percents };
}

/** Merged ranges, so a value merged over several rows (a region, say) reaches each of them. */
async function mergedRanges(zip: yauzl.ZipFile, entry: Entry) {
  const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
  // Only the ranges are wanted, not the cells: a plain scan is cheaper than a SAX pass.
  if (entry.uncompressedSize > 64 * 1024 * 1024) return ranges;
  await scanXml(zip, entry, /<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g, 4096, (match) => {
    ranges.push({
      left: columnIndex(match[1]),
      top: Number(match[2]),
      right: columnIndex(match[3]),
      bottom: Number(match[4]),
    });
  });
  return ranges;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Rows of the sheet named `preferredSheet` (else the first), with their Excel row numbers.
 * Rows come in batches so that the SAX parser and the consumer take turns without buffering the sheet.
 */
export async function* readXlsx(
  filePath: string,
  preferredSheet: string[] = [],
): AsyncGenerator<{ row: number; cells: Cell[] }> {
  const zip = await openZip(filePath);
  try {
    const entries = await listEntries(zip);
    const list = await sheets(zip, entries);
    const sheet = list.find((s) => preferredSheet.includes(s.name.trim())) ?? list[0];
    const sheetEntry = sheet && entries.get(sheet.path);
    if (!sheetEntry) throw new XlsxRefused("noSheet");
    const strings = await sharedStrings(zip, entries.get("xl/sharedStrings.xml"));
    const styles = await numberStyles(zip, entries.get("xl/styles.xml"));
    const merged = await mergedRanges(zip, sheetEntry);

    const ready: { row: number; cells: Cell[] }[] = [];
    let cells: Cell[] = [];
    let rowNumber = 0;
    let column = 0;
    let type = "n";
    let style = 0;
    let value = "";
    let inValue = false;
    const mergedValues = new Map<string, Cell>();

    const parser = new SaxesParser();
    parser.on("opentag", (tag) => {
      switch (tag.name) {
        case "row":
          rowNumber = Number(attr(tag, "r") ?? rowNumber + 1);
          cells = [];
          column = 0;
          break;
        case "c": {
          const ref = attr(tag, "r");
          column = ref ? columnIndex(ref.replace(/\d+$/, "")) : column;
          type = attr(tag, "t") ?? "n";
          style = Number(attr(tag, "s") ?? 0);
          value = "";
          break;
        }
        case "v":
        case "t":
          inValue = true;
          break;
      }
    });
    parser.on("text", (t) => {
      if (inValue) value += t;
    });
    parser.on("closetag", (tag) => {
      if (tag.name === "v" || tag.name === "t") inValue = false;
      else if (tag.name === "c") {
        cells[column] = cellValue(type, value, style, strings, styles);
        column++;
      } else if (tag.name === "row") {
        for (const range of merged) {
          if (rowNumber < range.top || rowNumber > range.bottom) continue;
          const key = `${range.top}:${range.left}`;
          if (rowNumber === range.top) mergedValues.set(key, cells[range.left] ?? null);
          for (let c = range.left; c <= range.right; c++) {
            if (rowNumber !== range.top || c !== range.left) cells[c] = mergedValues.get(key) ?? null;
          }
        }
        ready.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
      }
    });

    const stream = await openEntry(zip, sheetEntry);
    const utf8 = new TextDecoder("utf-8");
    for await (const chunk of stream) {
      parser.write(utf8.decode(chunk as Buffer, { stream: true }));
      while (ready.length) yield ready.shift() as { row: number; cells: Cell[] };
    }
    parser.write(utf8.decode());
    parser.close();
    while (ready.length) yield ready.shift() as { row: number; cells: Cell[] };
  } finally {
    zip.close();
  }
}

function cellValue(
  type: string,
  raw: string,
  style: number,
  strings: string[],
  styles: { dates: Set<number>; percents: Set<number> },
): Cell {
  if (raw === "") return null;
  switch (type) {
    case "s":
      return strings[Number(raw)] ?? null;
    case "str":
    case "inlineStr":
    case "e":
      return raw;
    case "b":
      return raw === "1" ? "TRUE" : "FALSE";
    case "d":
      return raw.slice(0, 10);
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  if (styles.dates.has(style)) return new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
  if (styles.percents.has(style)) return `${Math.round(n * 100 * 1e8) / 1e8}%`;
  return n;
}
