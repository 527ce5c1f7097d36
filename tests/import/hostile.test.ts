import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { runImport } from "@/server/import/pipeline";
import { readCsv } from "@/server/import/read-csv";
import { READ_LIMITS } from "@/server/import/read-limits";
import { readXlsx, XLSX_LIMITS } from "@/server/import/read-xlsx";
import { testDatabase } from "../helpers/db";
import { wuhouClerk } from "../helpers/viewers";
import { lieAboutEntry, sheetAround, sheetXml, tempFile, writeXlsx, writeXlsxParts } from "../helpers/xlsx";

/**
 * Files made to hurt the server rather than to carry figures: each is refused with its own
 * message (or read within its caps), quickly, without the process growing.
 */

async function all<T>(source: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** What reading a file costs: the outcome, CPU milliseconds and how much the process grew. */
async function measure<T>(read: () => Promise<T>) {
  const rss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  let outcome: { value?: T; error?: unknown } = {};
  try {
    outcome = { value: await read() };
  } catch (error) {
    outcome = { error };
  }
  const used = process.cpuUsage(cpu);
  return {
    ...outcome,
    cpuMs: (used.user + used.system) / 1000,
    wallMs: performance.now() - started,
    grownMb: (process.memoryUsage().rss - rss) / 1024 / 1024,
  };
}

/** Text that does not compress much (a zip bomb is refused before anything else): `n` characters drawn from `alphabet`. */
function noise(n: number, alphabet: string): string {
  let seed = 12345;
  let out = "";
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}

const refusal = (error: unknown) => (error as { reason?: string } | undefined)?.reason;

/**
 * A shared-strings part with `count` different strings of about `length` characters each,
 * declaring how many it holds as Excel does, or leaving that out.
 */
function* sharedStringsPart(count: number, length: number, declared = true): Iterable<string> {
  const counts = declared ? ` count="${count}" uniqueCount="${count}"` : "";
  yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${counts}>`;
  const filler = "乌拉特后旗".repeat(Math.ceil(length / 5)).slice(0, length);
  for (let i = 0; i < count; i++) yield `<si><t>${filler}${i}</t></si>`;
  yield "</sst>";
}

/**
 * 80 MB of strings that deflate about 100 to 1 (as the reviewer's 504 MB one did), under the
 * archive's ratio and total checks. Built once: deflating it takes a few seconds.
 */
let bomb: Promise<{ file: string; inflated: number }> | undefined;
function stringsBomb() {
  bomb ??= (async () => {
    let inflated = 0;
    const file = await writeXlsxParts(tempFile("strings-bomb.xlsx"), {
      "xl/sharedStrings.xml": function* () {
        for (const chunk of sharedStringsPart(160_000, 160)) {
          inflated += Buffer.byteLength(chunk);
          yield chunk;
        }
      },
    });
    return { file, inflated };
  })();
  return bomb;
}

describe("shared strings", () => {
  it("refuses a part that would inflate past what a 1,000,000-row file needs, before inflating it", async () => {
    const { file, inflated } = await stringsBomb();
    expect(inflated).toBeGreaterThan(XLSX_LIMITS.sharedStringsBytes);
    expect(inflated / fs.statSync(file).size).toBeLessThan(XLSX_LIMITS.ratio);
    const result = await measure(() => all(readXlsx(file)));
    expect(refusal(result.error)).toBe("tooMuchText");
    expect(result.wallMs).toBeLessThan(1000);
    expect(result.grownMb).toBeLessThan(50);
  });

  it("refuses more strings than a 1,000,000-row file holds: at once when declared, else while reading", async () => {
    const declared = await writeXlsxParts(tempFile("strings-count.xlsx"), {
      "xl/sharedStrings.xml": () => sharedStringsPart(XLSX_LIMITS.sharedStrings + 1, 0),
    });
    const atOnce = await measure(() => all(readXlsx(declared)));
    expect(refusal(atOnce.error)).toBe("tooMuchText");
    expect(atOnce.wallMs).toBeLessThan(1000);

    const silent = await writeXlsxParts(tempFile("strings-count-silent.xlsx"), {
      "xl/sharedStrings.xml": () => sharedStringsPart(XLSX_LIMITS.sharedStrings + 1, 0, false),
    });
    const whileReading = await measure(() => all(readXlsx(silent)));
    expect(refusal(whileReading.error)).toBe("tooMuchText");
    // Bounded by the part's bytes: a few seconds of parsing at most, and no memory kept.
    expect(whileReading.cpuMs).toBeLessThan(6000);
    expect(whileReading.grownMb).toBeLessThan(100);
  });
});

describe("merged ranges", () => {
  it("refuses 200,000 merged ranges in well under a second of CPU", async () => {
    const rows = 10_000;
    const ranges = 200_000;
    const merges = Array.from({ length: ranges }, (_, i) => `<mergeCell ref="A${(i % rows) + 1}:H${rows}"/>`);
    const file = await writeXlsxParts(tempFile("merge-bomb.xlsx"), {
      "xl/worksheets/sheet1.xml": () =>
        sheetAround(
          Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`),
          `<mergeCells count="${ranges}">${merges.join("")}</mergeCells>`,
        ),
    });
    const result = await measure(() => all(readXlsx(file)));
    expect(refusal(result.error)).toBe("tooManyMerged");
    expect(result.cpuMs).toBeLessThan(500);
  }, 120_000);

  it("refuses a few ranges that cover the whole sheet", async () => {
    const file = writeXlsx(tempFile("merge-area.xlsx"), [
      { name: "Sheet1", xml: sheetXml([["地区"], ["乌拉特后旗"]], ["A1:XFD1048576", "A2:B1048576"]) },
    ]);
    const result = await measure(() => all(readXlsx(file)));
    expect(refusal(result.error)).toBe("tooManyMerged");
    expect(result.cpuMs).toBeLessThan(500);
  });

  it("still gives merged values to every covered cell of a legitimate file", async () => {
    const file = writeXlsx(tempFile("merge-ok.xlsx"), [
      {
        name: "Sheet1",
        xml: sheetXml(
          [
            ["2024年提拔使用情况", null, null, null],
            ["盟市", "旗县区", "年度", "人数"],
            ["巴彦淖尔市", "乌拉特后旗", 2024, 3],
            [null, null, null, 4],
            [null, "临河区", 2023, 5],
          ],
          ["A1:D1", "A3:A5", "B3:B4", "C3:C4"],
        ),
      },
    ]);
    const rows = await all(readXlsx(file));
    expect(rows.map((r) => r.cells)).toEqual([
      ["2024年提拔使用情况", "2024年提拔使用情况", "2024年提拔使用情况", "2024年提拔使用情况"],
      ["盟市", "旗县区", "年度", "人数"],
      ["巴彦淖尔市", "乌拉特后旗", 2024, 3],
      ["巴彦淖尔市", "乌拉特后旗", 2024, 4],
      ["巴彦淖尔市", "临河区", 2023, 5],
    ]);
  });
});

describe("archives that lie", () => {
  const sheet = "xl/worksheets/sheet1.xml";
  const honest = () =>
    writeXlsx(tempFile("honest.xlsx"), [
      { name: "Sheet1", xml: sheetXml(Array.from({ length: 2000 }, (_, r) => ["乌拉特后旗", 2024, r])) },
    ]);

  it.each([
    [
      "declares fewer inflated bytes than it holds",
      (s: { uncompressed: number }) => ({ uncompressed: s.uncompressed - 1000 }),
    ],
    [
      "declares more inflated bytes than it holds",
      (s: { uncompressed: number }) => ({ uncompressed: s.uncompressed + 1000 }),
    ],
    [
      "is cut short (fewer compressed bytes than the data needs)",
      (s: { compressed: number }) => ({ compressed: Math.floor(s.compressed / 2) }),
    ],
  ])("refuses a sheet that %s as a damaged file", async (_, lie) => {
    const file = lieAboutEntry(honest(), sheet, lie);
    await expect(all(readXlsx(file))).rejects.toMatchObject({ reason: "notXlsx" });
  });

  it("refuses a sheet that is not well-formed XML as a damaged file", async () => {
    const file = writeXlsx(tempFile("broken.xlsx"), [{ name: "Sheet1", xml: "<worksheet><sheetData><row><c>" }]);
    await expect(all(readXlsx(file))).rejects.toMatchObject({ reason: "notXlsx" });
  });
});

describe("rows, columns and cells", () => {
  it("reads no more than 256 columns of a row that reaches column XFD", async () => {
    const file = await writeXlsxParts(tempFile("wide.xlsx"), {
      "xl/worksheets/sheet1.xml": () =>
        sheetAround(
          Array.from(
            { length: 2000 },
            (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`,
          ),
        ),
    });
    const result = await measure(() => all(readXlsx(file)));
    expect(result.error).toBeUndefined();
    expect(result.value?.[0].cells).toEqual([1]);
    expect(Math.max(...(result.value ?? []).map((r) => r.cells.length))).toBeLessThanOrEqual(READ_LIMITS.columns);
    expect(result.cpuMs).toBeLessThan(1000);
  });

  it("refuses a cell longer than Excel allows, inline or shared", async () => {
    const long = noise(READ_LIMITS.cellChars + 1, "乌拉特后旗巴彦淖尔市临河区磴口县五原县杭锦后旗");
    const inline = writeXlsx(tempFile("long-inline.xlsx"), [{ name: "S", xml: sheetXml([["地区"], [long]]) }]);
    await expect(all(readXlsx(inline))).rejects.toMatchObject({ reason: "cellTooLong" });
    const shared = writeXlsx(tempFile("long-shared.xlsx"), [{ name: "S", xml: sheetXml([[{ shared: 0 }]]) }], [long]);
    await expect(all(readXlsx(shared))).rejects.toMatchObject({ reason: "cellTooLong" });
  });

  it("refuses megabytes of text without markup before the XML parser holds them", async () => {
    const file = await writeXlsxParts(tempFile("run.xlsx"), {
      "xl/worksheets/sheet1.xml": function* () {
        yield `<worksheet><sheetData><row r="1"><c r="A1"><v>`;
        yield noise(4 << 20, "0123456789");
        yield "</v></c></row></sheetData></worksheet>";
      },
    });
    const result = await measure(() => all(readXlsx(file)));
    expect(refusal(result.error)).toBe("cellTooLong");
    expect(result.wallMs).toBeLessThan(1000);
    expect(result.grownMb).toBeLessThan(50);
  });

  it("stops reading a sheet past Excel's 1,048,576 rows", async () => {
    const file = await writeXlsxParts(tempFile("endless.xlsx"), {
      "xl/worksheets/sheet1.xml": function* () {
        yield* sheetAround(
          (function* () {
            for (let r = 1; r <= READ_LIMITS.rows + 10; r++) yield `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
          })(),
        );
      },
    });
    let read = 0;
    const result = await measure(async () => {
      for await (const _ of readXlsx(file)) read++;
    });
    expect(refusal(result.error)).toBe("rowLimit");
    expect(read).toBe(READ_LIMITS.rows);
  }, 120_000);
});

describe("CSV", () => {
  it("refuses a record without line ends, without holding the file", async () => {
    const file = tempFile("one-line.csv");
    fs.writeFileSync(file, `地区,年度\n${"乌拉特后旗".repeat(2_000_000)}`);
    const result = await measure(() => all(readCsv(file)));
    expect(refusal(result.error)).toBe("recordTooLong");
    expect(result.wallMs).toBeLessThan(1000);
  });

  it("refuses a quote that is never closed", async () => {
    const file = tempFile("open-quote.csv");
    fs.writeFileSync(file, '地区,年度\n"乌拉特后旗,2024\n');
    await expect(all(readCsv(file))).rejects.toMatchObject({ reason: "csvBroken" });
  });

  it("refuses a cell longer than Excel allows", async () => {
    const file = tempFile("long-cell.csv");
    fs.writeFileSync(file, `地区,年度\n${"长".repeat(READ_LIMITS.cellChars + 1)},2024\n`);
    await expect(all(readCsv(file))).rejects.toMatchObject({ reason: "cellTooLong" });
  });

  it("reads no more than 256 columns of a record", async () => {
    const file = tempFile("wide.csv");
    fs.writeFileSync(file, `地区${",".repeat(100_000)}x\n乌拉特后旗,2024\n`);
    const rows = await all(readCsv(file));
    expect(rows[0].cells).toHaveLength(READ_LIMITS.columns);
    expect(rows[1].cells).toEqual(["乌拉特后旗", "2024"]);
  });

  it("reads blank lines and short rows as cheaply as full ones", async () => {
    const header = "地区,年度,季度,领域,人数\n";
    const full = tempFile("full.csv");
    fs.writeFileSync(full, header + "乌拉特后旗,2023,1,乡村振兴,3\n".repeat(200_000));
    const blank = tempFile("blank.csv");
    fs.writeFileSync(blank, header + "\n".repeat(200_000));
    const short = tempFile("short.csv");
    fs.writeFileSync(short, header + "x\n".repeat(200_000));
    const cost = async (file: string) => (await measure(() => all(readCsv(file)))).cpuMs;
    const baseline = await cost(full);
    // A row whose length differs from the header's used to cost over ten times a full one.
    expect(await cost(blank)).toBeLessThan(baseline * 2);
    expect(await cost(short)).toBeLessThan(baseline * 2);
    expect((await all(readCsv(short))).at(-1)).toEqual({ row: 200_001, cells: ["x"] });
  });

  it("stops reading past 1,048,576 records", async () => {
    const file = tempFile("endless.csv");
    fs.writeFileSync(file, "1\n".repeat(READ_LIMITS.rows + 10));
    let read = 0;
    const result = await measure(async () => {
      for await (const _ of readCsv(file)) read++;
    });
    expect(refusal(result.error)).toBe("rowLimit");
    expect(read).toBe(READ_LIMITS.rows);
  });
});

describe("the clerk's message", () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  const clerk = wuhouClerk;
  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  const importing = (filePath: string, locale: "zh-CN" | "en") =>
    runImport(database.db, clerk, {
      dataset: "promotions",
      filePath,
      fileName: path.basename(filePath),
      dryRun: true,
      locale,
      source: "api",
    });

  it("says in Chinese, and in English, why each hostile file was refused", async () => {
    const strings = (await stringsBomb()).file;
    const lying = lieAboutEntry(
      writeXlsx(tempFile("l.xlsx"), [
        {
          name: "S",
          xml: sheetXml([
            ["地区", "年度"],
            ["乌拉特后旗", 2024],
          ]),
        },
      ]),
      "xl/worksheets/sheet1.xml",
      (s) => ({ uncompressed: s.uncompressed - 10 }),
    );
    const line = tempFile("line.csv");
    fs.writeFileSync(line, "地区".repeat(1_000_000));
    const expected: [string, RegExp, RegExp][] = [
      [strings, /文字内容过多/, /too much text/i],
      [lying, /已损坏/, /damaged/i],
      [line, /一行过长/, /line of the CSV file is too long/i],
    ];
    for (const [file, zh, en] of expected) {
      const chinese = await importing(file, "zh-CN");
      expect(chinese.ok).toBe(false);
      expect(chinese.errors).toHaveLength(1);
      expect(chinese.errors[0].message).toMatch(zh);
      const english = await importing(file, "en");
      expect(english.errors[0].message).toMatch(en);
    }
  });
});
