import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import yauzl from "yauzl";
import type { Cell } from "@/lib/cells";
import { FileRefused, markupRunGuard, READ_LIMITS } from "@/server/import/read-limits";

/**
 * XLSX, streamed: the archive's central directory is checked (entry count, declared sizes,
 * compression ratio) before a byte is inflated, and the inflated sizes are held to what was
 * declared, so a zip bomb is refused at once without memory growth. What the reader keeps in
 * memory is bounded part by part (shared strings, styles, merged ranges) by what a legitimate
 * 1,000,000-row file needs, and every error of the archive or its XML refuses the file as
 * damaged. Cells come out as text or numbers; date-formatted numbers as `YYYY-MM-DD`,
 * percent-formatted ones as `12%`.
 */
export const XLSX_LIMITS = {
  entries: 1_000,
  /** All entries together, inflated. */
  totalBytes: 512 * 1024 * 1024,
  /** Inflated ÷ compressed, for any entry larger than a few kilobytes. */
  ratio: 200,
  /**
   * The shared-strings part (inflated, as declared) and its strings, the part read whole into
   * memory: the 1,000,000-row arena file of scripts/bench/arena-data.ts, saved with shared
   * strings, needs 7.0 MB and 245,366 strings (its sheet inflates to 259 MB and reads within
   * every limit here); these leave nine and four times that.
   */
  sharedStringsBytes: 64 * 1024 * 1024,
  sharedStrings: 1_000_000,
  /** workbook.xml, its relationships and styles.xml, inflated: kilobytes, a few megabytes when bloated. */
  partBytes: 16 * 1024 * 1024,
  /** Cell formats (styles.xml `cellXfs`): Excel itself allows 64,000. */
  cellFormats: 65_536,
  /**
   * Merged ranges of the sheet, and the cells they cover together (clipped to the rows and
   * columns read): a 1,000,000-row file with its league and banner merged down needs 2,000,000.
   */
  mergedRanges: 100_000,
  mergedCells: 10_000_000,
};

/** The pipeline catches this name; CSV refusals are the same class. */
export { FileRefused as XlsxRefused };

type Entry = yauzl.Entry;

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(new FileRefused("notXlsx", String(error))) : resolve(zip),
    ),
  );
}

async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, Entry>> {
  if (zip.entryCount > XLSX_LIMITS.entries) throw new FileRefused("zipBomb");
  const entries = new Map<string, Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > XLSX_LIMITS.totalBytes || (entry.uncompressedSize > 65_536 && ratio > XLSX_LIMITS.ratio)) {
        return reject(new FileRefused("zipBomb"));
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", (error) => reject(new FileRefused("notXlsx", String(error))));
    zip.readEntry();
  });
  return entries;
}

function openEntry(zip: yauzl.ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error) : resolve(stream))),
  );
}

/**
 * An entry's text as it inflates. A character can straddle two inflated chunks, so it is decoded
 * as a stream. Whatever goes wrong in the archive (sizes that lie, which yauzl's
 * validateEntrySizes catches; a cut or corrupt entry, which zlib does) means a damaged file:
 * the clerk gets that message, never a server error.
 */
async function* inflate(zip: yauzl.ZipFile, entry: Entry): AsyncGenerator<string> {
  const guard = markupRunGuard();
  const utf8 = new TextDecoder("utf-8");
  try {
    const stream = await openEntry(zip, entry);
    for await (const chunk of stream) {
      const text = utf8.decode(chunk as Buffer, { stream: true });
      guard(text);
      yield text;
    }
  } catch (error) {
    throw error instanceof FileRefused ? error : new FileRefused("notXlsx", String(error));
  }
  yield utf8.decode();
}

/** A SAX parser for which XML that is not well-formed means a damaged file. */
function xmlParser(): SaxesParser {
  const parser = new SaxesParser();
  parser.on("error", (error) => {
    throw new FileRefused("notXlsx", error.message);
  });
  return parser;
}

/** Feeds an entry's XML to a SAX parser; handlers are attached by the caller. */
async function parseXml(zip: yauzl.ZipFile, entry: Entry, attach: (parser: SaxesParser) => void): Promise<void> {
  const parser = xmlParser();
  attach(parser);
  for await (const text of inflate(zip, entry)) parser.write(text);
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
  let carry = "";
  for await (const text of inflate(zip, entry)) {
    let end = 0;
    const searched = carry + text;
    for (const match of searched.matchAll(pattern)) {
      onMatch(match);
      end = (match.index ?? 0) + match[0].length;
    }
    carry = searched.slice(Math.max(end, searched.length - tail));
  }
}

/** Refuses a part whose declared inflated size is beyond `bytes`, before inflating it (yauzl holds it to what it declares). */
function declaredAtMost(entry: Entry | undefined, bytes: number, reason: "zipBomb" | "tooMuchText" | "tooManyStyles") {
  if (entry && entry.uncompressedSize > bytes) throw new FileRefused(reason);
}

const attr = (tag: { attributes: Record<string, unknown> }, name: string) => {
  const value = tag.attributes[name];
  return typeof value === "string" ? value : (value as { value?: string } | undefined)?.value;
};

/** Sheet paths by name, in workbook order. */
async function sheets(zip: yauzl.ZipFile, entries: Map<string, Entry>): Promise<{ name: string; path: string }[]> {
  const workbook = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new FileRefused("notXlsx");
  declaredAtMost(workbook, XLSX_LIMITS.partBytes, "zipBomb");
  declaredAtMost(rels, XLSX_LIMITS.partBytes, "zipBomb");
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

/** The shared strings, held whole (cells refer to them by index), within what a real file needs. */
async function sharedStrings(zip: yauzl.ZipFile, entry: Entry | undefined): Promise<string[]> {
  if (!entry) return [];
  declaredAtMost(entry, XLSX_LIMITS.sharedStringsBytes, "tooMuchText");
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  await parseXml(zip, entry, (p) => {
    p.on("opentag", (tag) => {
      // Excel declares the number of strings up front: too many is refused at the first chunk.
      // The count is still kept while reading, for a file that leaves it out or understates it.
      if (tag.name === "sst" && Number(attr(tag, "uniqueCount") ?? 0) > XLSX_LIMITS.sharedStrings) {
        throw new FileRefused("tooMuchText");
      }
      if (tag.name === "si") current = "";
      else if (tag.name === "rPh") phonetic++;
      else if (tag.name === "t" && phonetic === 0) inText = true;
    });
    p.on("text", (t) => {
      if (!inText) return;
      current += t;
      if (current.length > READ_LIMITS.cellChars) throw new FileRefused("cellTooLong");
    });
    p.on("closetag", (tag) => {
      if (tag.name === "t") inText = false;
      else if (tag.name === "rPh") phonetic--;
      else if (tag.name === "si") {
        if (strings.length === XLSX_LIMITS.sharedStrings) throw new FileRefused("tooMuchText");
        strings.push(current);
      }
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
  declaredAtMost(entry, XLSX_LIMITS.partBytes, "tooManyStyles");
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await parseXml(zip, entry, (p) => {
    p.on("opentag", (tag) => {
      if (tag.name === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (tag.name === "cellXfs") inCellXfs = true;
      else if (tag.name === "xf" && inCellXfs) {
        if (index === XLSX_LIMITS.cellFormats) throw new FileRefused("tooManyStyles");
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

type MergedRange = { top: number; left: number; bottom: number; right: number; value: Cell };

/**
 * Merged ranges, so a value merged over several rows (a region, say) reaches each of them; clipped
 * to the rows and columns read, and refused beyond the count and area a real file needs.
 */
async function mergedRanges(zip: yauzl.ZipFile, entry: Entry): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  // Only the ranges are wanted, not the cells: a plain scan is cheaper than a SAX pass.
  if (entry.uncompressedSize > 64 * 1024 * 1024) return ranges;
  let covered = 0;
  await scanXml(zip, entry, /<mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g, 4096, (match) => {
    const top = Number(match[2]);
    const left = columnIndex(match[1]);
    const bottom = Math.min(Number(match[4]), READ_LIMITS.rows);
    const right = Math.min(columnIndex(match[3]), READ_LIMITS.columns - 1);
    if (top < 1 || top > bottom || left > right) return;
    if (ranges.length === XLSX_LIMITS.mergedRanges) throw new FileRefused("tooManyMerged");
    covered += (bottom - top + 1) * (right - left + 1);
    if (covered > XLSX_LIMITS.mergedCells) throw new FileRefused("tooManyMerged");
    ranges.push({ top, left, bottom, right, value: null });
  });
  return ranges;
}

/**
 * Fills each row's merged cells with the value of their range's top-left cell. Rows come in
 * ascending order, so a range is taken up at its first row and dropped after its last: the work
 * is the number of cells the ranges cover, not rows × ranges.
 */
function mergedFiller(ranges: MergedRange[]) {
  const waiting = [...ranges].sort((a, b) => a.top - b.top);
  let next = 0;
  let active: MergedRange[] = [];
  return (row: number, cells: Cell[]) => {
    while (next < waiting.length && waiting[next].top <= row) active.push(waiting[next++]);
    if (active.length === 0) return;
    active = active.filter((range) => range.bottom >= row);
    for (const range of active) {
      if (row === range.top) range.value = cells[range.left] ?? null;
      for (let c = range.left; c <= range.right; c++) {
        if (row !== range.top || c !== range.left) cells[c] = range.value;
      }
    }
  };
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
    if (!sheetEntry) throw new FileRefused("noSheet");
    const strings = await sharedStrings(zip, entries.get("xl/sharedStrings.xml"));
    const styles = await numberStyles(zip, entries.get("xl/styles.xml"));
    const fillMerged = mergedFiller(await mergedRanges(zip, sheetEntry));

    const ready: { row: number; cells: Cell[] }[] = [];
    let cells: Cell[] = [];
    let rowNumber = 0;
    let rowsRead = 0;
    let pastLastRow = false;
    let column = 0;
    let type = "n";
    let style = 0;
    let value = "";
    let inValue = false;

    const parser = xmlParser();
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
      // Cells right of the columns read are skipped, not collected.
      if (!inValue || column >= READ_LIMITS.columns) return;
      value += t;
      if (value.length > READ_LIMITS.cellChars) throw new FileRefused("cellTooLong");
    });
    parser.on("closetag", (tag) => {
      if (tag.name === "v" || tag.name === "t") inValue = false;
      else if (tag.name === "c") {
        if (column < READ_LIMITS.columns) cells[column] = cellValue(type, value, style, strings, styles);
        column++;
      } else if (tag.name === "row") {
        // Rows past the limit are not kept; the file is refused once the rows before are out.
        if (rowsRead === READ_LIMITS.rows) pastLastRow = true;
        if (pastLastRow) return;
        rowsRead++;
        fillMerged(rowNumber, cells);
        ready.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
      }
    });

    for await (const text of inflate(zip, sheetEntry)) {
      parser.write(text);
      while (ready.length) yield ready.shift() as { row: number; cells: Cell[] };
      if (pastLastRow) throw new FileRefused("rowLimit");
    }
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
