import fs from "node:fs";
import { Transform } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { Cell } from "@/lib/cells";
import { FileRefused, READ_LIMITS } from "@/server/import/read-limits";

/**
 * CSV as Excel saves it: UTF-8 with or without BOM, or GB18030/GBK (Excel on Chinese Windows).
 * The encoding is decided from the first megabyte; the file is then streamed, never read whole.
 */
export type Encoding = "utf-8" | "gb18030";

export async function detectEncoding(
  filePath: string,
): Promise<{ encoding: Encoding; bom: boolean; delimiter: string }> {
  const handle = await fs.promises.open(filePath, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    let encoding: Encoding = "utf-8";
    try {
      // stream: true tolerates a character cut at the end of the sample.
      new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    } catch {
      encoding = "gb18030";
    }
    const firstLine = new TextDecoder(encoding).decode(head.subarray(0, 4096)).split(/\r?\n/).slice(0, 5).join("\n");
    const counts = [",", "\t", ";"].map((d) => ({ d, n: firstLine.split(d).length }));
    const delimiter = counts.sort((a, b) => b.n - a.n)[0].d;
    return { encoding, bom, delimiter };
  } finally {
    await handle.close();
  }
}

function decoder(encoding: Encoding): Transform {
  const textDecoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, textDecoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, textDecoder.decode());
    },
  });
}

type RecordState = { state: { record: unknown[]; expectedRecordLength: number } };

/**
 * csv-parse compares every record's length with the first record's and, on a difference, builds
 * a CsvError (stack trace included) even under relax_column_count, only to drop it. Blank lines and
 * short rows differ from the header, so a file of a megabyte of line ends held a core for over a
 * minute (some 50 µs a record instead of 4). Each record is measured against itself instead, which
 * is what relax_column_count means. The library has no option for this (csv-parse 7.0.3); the
 * check below fails loudly if its internals change, and tests/import/hostile.test.ts would too.
 */
function measureEachRecordAlone(parser: ReturnType<typeof parse>) {
  const api = (parser as unknown as { api?: RecordState & { __onRecord?: (...args: unknown[]) => unknown } }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== "function") throw new Error("csv-parse changed: see measureEachRecordAlone");
  api.__onRecord = function (this: RecordState, ...args: unknown[]) {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

/**
 * Rows with the number Excel shows for them (1-based; a quoted multi-line cell is still one row),
 * within the read limits: a record without line ends (or a quote never closed) is refused once
 * it passes a megabyte instead of growing with the file, cells right of the columns read are
 * dropped, and reading stops past Excel's last row.
 */
export async function* readCsv(filePath: string): AsyncGenerator<{ row: number; cells: Cell[] }> {
  const { encoding, bom, delimiter } = await detectEncoding(filePath);
  const file = fs.createReadStream(filePath, { start: bom ? 3 : 0, highWaterMark: 1 << 20 });
  // csv-parse reads UTF-8 bytes itself (a field is decoded once it is complete); decoding first
  // would only have it encode the text back to bytes. GB18030 is decoded on the way in.
  const csv = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: READ_LIMITS.csvRecordChars,
  });
  measureEachRecordAlone(csv);
  const parser = (encoding === "utf-8" ? file : file.pipe(decoder(encoding))).pipe(csv);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (row === READ_LIMITS.rows) throw new FileRefused("rowLimit");
      row++;
      const cells = record.length > READ_LIMITS.columns ? record.slice(0, READ_LIMITS.columns) : record;
      if (cells.some((cell) => cell.length > READ_LIMITS.cellChars)) throw new FileRefused("cellTooLong");
      yield { row, cells };
    }
  } catch (error) {
    // The file's own faults are the clerk's to fix; anything else (the disk, say) stays a server error.
    if (error instanceof CsvError) {
      throw new FileRefused(error.code === "CSV_MAX_RECORD_SIZE" ? "recordTooLong" : "csvBroken", error.message);
    }
    throw error;
  } finally {
    file.destroy();
  }
}
