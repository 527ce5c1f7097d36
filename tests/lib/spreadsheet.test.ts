import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportMeta, type ExportTable, formatCell, neutralise, tableCsv } from "@/lib/spreadsheet";
import { sheetName, tableWorkbook } from "@/lib/table-workbook";

/** A chart panel's downloads: numbers stay numbers, the title rows say what the view is. */
const table: ExportTable = {
  title: "比较旗县区 · 一线占比",
  columns: [
    { label: "地区" },
    { label: "提拔总数", kind: "integer" },
    { label: "一线占比", kind: "percent" },
    { label: "到位资金（万元）", kind: "amount" },
  ],
  rows: [
    ["乌拉特后旗", 1234, 0.769, 1428.5],
    ['=HYPERLINK("x")', 0, null, 0],
  ],
};
const meta: ExportMeta = {
  locale: "zh-CN",
  view: "巴彦淖尔市 · 提拔使用 · 2023年",
  asOf: "数据截至 2026年12月2日 22:10",
  note: "数据口径：盟市合计含本级及所辖旗县区。",
  demo: "演示数据",
};

async function workbookOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

describe("the XLSX of a table", () => {
  it("has the title rows, then the header frozen below them, then numbers with number formats", async () => {
    const sheet = (await workbookOf(await tableWorkbook(table, meta))).worksheets[0];
    expect([1, 2, 3, 4, 5].map((r) => sheet.getCell(r, 1).value)).toEqual([
      table.title,
      meta.view,
      meta.asOf,
      meta.note,
      "演示数据",
    ]);
    expect(sheet.getRow(6).values).toEqual([undefined, "地区", "提拔总数", "一线占比", "到位资金（万元）"]);
    expect(sheet.getRow(6).font?.bold ?? sheet.getCell(6, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });

    const [count, share, money] = [2, 3, 4].map((c) => sheet.getCell(7, c));
    expect(count.value).toBe(1234);
    expect(count.numFmt).toBe("#,##0");
    expect(share.value).toBe(0.769);
    expect(share.numFmt).toMatch(/%$/);
    expect(money.value).toBe(1428.5);
    expect(money.numFmt).toBe("#,##0.00");
    // No share is no cell, not a zero.
    expect(sheet.getCell(8, 3).value).toBeNull();
    // A formula-like label stays text.
    expect(sheet.getCell(8, 1).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(14);
  });

  it("leaves out the demo line once demo data is gone, and writes money in millions in English", async () => {
    const english = await workbookOf(await tableWorkbook(table, { ...meta, locale: "en", demo: undefined }));
    const sheet = english.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(sheet.getCell(6, 4).value).toBeCloseTo(14.285);
  });

  it("names its sheet within Excel's rules", () => {
    expect(sheetName("a/b:c?*[d]")).toBe("a b c   d");
    expect(sheetName("长".repeat(40))).toHaveLength(31);
  });
});

describe("the CSV of a table", () => {
  it("is UTF-8 with BOM, the title lines first, shares as percentage numbers under a (%) header", () => {
    const text = Buffer.from(tableCsv(table, meta)).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines.slice(0, 5)).toEqual([table.title, meta.view, meta.asOf, meta.note, "演示数据"]);
    expect(lines[6]).toBe("地区,提拔总数,一线占比（%）,到位资金（万元）");
    expect(lines[7]).toBe("乌拉特后旗,1234,76.9,1428.5");
    expect(lines[8]).toBe(`"'=HYPERLINK(""x"")",0,,0`);
  });

  it("neutralises every formula lead", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralise(`${lead}1`)).toBe(`'${lead}1`);
    expect(neutralise("1-2")).toBe("1-2");
  });
});

describe("the table view", () => {
  it("formats each cell by its column's kind", () => {
    expect(formatCell("zh-CN", 1234, "integer")).toBe("1,234");
    expect(formatCell("zh-CN", 0.769, "percent")).toBe("76.9%");
    expect(formatCell("en", 1428.5, "amount")).toBe("14.29");
    expect(formatCell("zh-CN", null, "percent")).toBe("—");
    expect(formatCell("zh-CN", "乌拉特后旗")).toBe("乌拉特后旗");
  });
});
