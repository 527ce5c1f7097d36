import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readCsv } from "@/server/import/read-csv";
import { readXlsx, XlsxRefused } from "@/server/import/read-xlsx";
import { sniff } from "@/server/import/sniff";
import { sheetXml, tempFile, writeXlsx, writeZipBomb } from "../helpers/xlsx";

async function all<T>(source: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe("CSV", () => {
  it("reads UTF-8 with a BOM, quoted commas and line breaks, with Excel's row numbers", async () => {
    const file = tempFile("a.csv");
    fs.writeFileSync(file, '\ufeff地区,名称\r\n乌拉特后旗,"甲,乙"\r\n察右前旗,"两\n行"\r\n临河区,丙\r\n');
    const rows = await all(readCsv(file));
    expect(rows.map((r) => r.cells)).toEqual([
      ["地区", "名称"],
      ["乌拉特后旗", "甲,乙"],
      ["察右前旗", "两\n行"],
      ["临河区", "丙"],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it("reads GB18030 as Excel on Chinese Windows saves it", async () => {
    const rows = await all(readCsv("tests/fixtures/promotions-gbk.csv"));
    expect(rows[0].cells[0]).toBe("提拔使用情况（演示）");
    expect(rows[1].cells).toEqual(["地区", "年度", "季度", "领域", "人数"]);
    expect(rows[2].cells).toEqual(["乌拉特后旗", "2023年", "第一季度", "乡村振兴", "3"]);
  });
});

describe("XLSX", () => {
  it("reads shared strings, inline strings, numbers and date cells, the header under a merged title", async () => {
    const file = writeXlsx(
      tempFile("b.xlsx"),
      [
        {
          name: "揭榜挂帅",
          xml: sheetXml(
            [
              [{ shared: 0 }, null, null],
              ["项目编号", "揭榜日期", "到位资金（万元）"],
              ["JB-1", { date: 45153 }, 1400.5],
              ["JB-2", "2023年8月16日", null],
            ],
            ["A1:C1"],
          ),
        },
      ],
      ["2023年揭榜挂帅项目表"],
    );
    const rows = await all(readXlsx(file));
    expect(rows).toEqual([
      { row: 1, cells: ["2023年揭榜挂帅项目表", "2023年揭榜挂帅项目表", "2023年揭榜挂帅项目表"] },
      { row: 2, cells: ["项目编号", "揭榜日期", "到位资金（万元）"] },
      { row: 3, cells: ["JB-1", "2023-08-15", 1400.5] },
      { row: 4, cells: ["JB-2", "2023年8月16日"] },
    ]);
  });

  it("gives a value merged down several rows to each of them", async () => {
    const file = writeXlsx(tempFile("c.xlsx"), [
      {
        name: "Sheet1",
        xml: sheetXml(
          [
            ["地区", "年度"],
            ["乌拉特后旗", 2023],
            [null, 2024],
          ],
          ["A2:A3"],
        ),
      },
    ]);
    const rows = await all(readXlsx(file));
    expect(rows[2]).toEqual({ row: 3, cells: ["乌拉特后旗", 2024] });
  });

  it("prefers the sheet named after the dataset", async () => {
    const file = writeXlsx(tempFile("d.xlsx"), [
      { name: "说明", xml: sheetXml([["请填写第二个工作表"]]) },
      { name: "提拔使用", xml: sheetXml([["地区"]]) },
    ]);
    expect((await all(readXlsx(file, ["提拔使用"])))[0].cells).toEqual(["地区"]);
  });

  it("refuses a zip bomb before inflating it, in well under a second, without memory growth", async () => {
    const file = await writeZipBomb(tempFile("bomb.xlsx"), 512);
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    await expect(all(readXlsx(file))).rejects.toMatchObject({ reason: "zipBomb" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
    expect(XlsxRefused).toBeDefined();
  });
});

describe("what a file really is", () => {
  it.each([
    ["%PDF-1.7\n...", "pdf"],
    ["\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1", "xls"],
    ["<!DOCTYPE html><html>", "html"],
    ["", "empty"],
  ])("%j looks like %s", async (content, kind) => {
    const file = tempFile("x.csv");
    fs.writeFileSync(file, Buffer.from(content, "latin1"));
    expect(await sniff(file)).toEqual({ ok: false, looksLike: kind });
  });

  it("knows CSV and XLSX by their bytes, whatever their names", async () => {
    const csv = tempFile("x.xlsx");
    fs.writeFileSync(csv, "地区,年度\n乌拉特后旗,2023\n");
    expect(await sniff(csv)).toEqual({ ok: true, kind: "csv" });
    const xlsx = writeXlsx(tempFile("x.csv"), [{ name: "S", xml: sheetXml([["地区"]]) }]);
    expect(await sniff(xlsx)).toEqual({ ok: true, kind: "xlsx" });
  });
});
