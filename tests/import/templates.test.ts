import fs from "node:fs";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { writableRegions } from "@/db/queries/regions";
import { rows } from "@/db/queries/sql";
import type { Viewer } from "@/lib/auth/permissions";
import { datasets } from "@/lib/contract";
import { DATASETS, templateHeaders, templateRows } from "@/lib/datasets";
import { runImport } from "@/server/import/pipeline";
import { INSTRUCTIONS_SHEET, LISTS_SHEET, templateCsv, templateXlsx } from "@/server/import/template";
import { testDatabase } from "../helpers/db";
import { tempFile } from "../helpers/xlsx";

/** Templates carry no row that could be committed as data: their examples are instructions only. */
let database: Awaited<ReturnType<typeof testDatabase>>;
const admin: Viewer = {
  id: "admin",
  username: "admin",
  name: "admin",
  role: "admin",
  regionCode: "150000",
  sessionId: "s",
};

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

const importFile = (dataset: (typeof datasets)[number], filePath: string) =>
  runImport(database.db, admin, {
    dataset,
    filePath,
    fileName: "模板.xlsx",
    dryRun: false,
    locale: "zh-CN",
    source: "api",
  });

async function written() {
  const [row] = await rows<{ n: number }>(
    database.db,
    sql`select (select count(*) from upload_batches) + (select count(*) from promotions) + (select count(*) from arena_entries)
             + (select count(*) from projects) + (select count(*) from adjustments) + (select count(*) from indicators) as n`,
  );
  return Number(row.n);
}

// ExcelJS types its input as an ArrayBuffer.
const arrayBuffer = (buffer: Buffer) => new Uint8Array(buffer).buffer;

describe.each(datasets)("the %s template", (dataset) => {
  const spec = DATASETS[dataset];

  it("uploaded unchanged, as XLSX or CSV, is refused as having no data rows and writes nothing", async () => {
    // Records an earlier template's examples needed may be stored (the cycle's challenges and projects).
    const before = await written();
    for (const [name, body] of [
      ["t.xlsx", await templateXlsx(spec)],
      ["t.csv", templateCsv(spec)],
    ] as const) {
      const file = tempFile(name);
      fs.writeFileSync(file, body);
      const report = await importFile(dataset, file);
      expect(report.ok).toBe(false);
      expect(report.errors.map((e) => e.message)).toEqual(["表头下面没有数据行。"]);
    }
    expect(await written()).toBe(before);
  });

  it("has the header alone on the data sheet and the examples on the instructions sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(await templateXlsx(spec)));
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      [spec.zh, "visible"],
      [INSTRUCTIONS_SHEET, "visible"],
      [LISTS_SHEET, "hidden"],
    ]);
    const data = workbook.worksheets[0];
    expect(data.getRow(1).values).toEqual([undefined, ...templateHeaders(spec)]);
    expect(data.actualRowCount).toBe(1);
    const help = workbook.worksheets[1];
    const text = JSON.stringify(help.getSheetValues());
    for (const header of templateHeaders(spec)) expect(text).toContain(header);
    expect(text).toContain(String(templateRows(spec)[0][1]));
  });

  it("filled in on its data sheet, as a clerk does in Excel, is read like any file", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(await templateXlsx(spec)));
    // The instructions' examples are valid rows: copied onto the data sheet they import.
    for (const row of templateRows(spec)) workbook.worksheets[0].addRow(row);
    // The records its examples name (an application's challenge and project) are stored first, from their own examples.
    for (const ref of spec.references ?? []) {
      const named = tempFile(`${ref.dataset}.csv`);
      fs.writeFileSync(
        named,
        [templateHeaders(DATASETS[ref.dataset]), ...templateRows(DATASETS[ref.dataset])]
          .map((l) => l.join(","))
          .join("\n"),
      );
      const stored = await runImport(database.db, admin, {
        dataset: ref.dataset,
        filePath: named,
        fileName: `${ref.dataset}.csv`,
        dryRun: false,
        locale: "zh-CN",
        source: "api",
      });
      expect(stored.errors).toEqual([]);
    }
    const file = tempFile("filled.xlsx");
    await workbook.xlsx.writeFile(file);
    const report = await runImport(database.db, admin, {
      dataset,
      filePath: file,
      fileName: "filled.xlsx",
      dryRun: true,
      locale: "zh-CN",
      source: "api",
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, inserted: 2 });
  });
});

describe("a template's drop-down lists", () => {
  const clerk: Viewer = { ...admin, id: "c", username: "c", role: "clerk", regionCode: "150800" };
  const load = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(buffer));
    return workbook;
  };
  /** The values a data-sheet cell's list offers, read through its formula from the hidden sheet. */
  const offered = (workbook: ExcelJS.Workbook, address: string) => {
    const rule = workbook.worksheets[0].getCell(address).dataValidation;
    if (rule?.type !== "list") return undefined;
    const [, sheet, from, to] = /^'(.+)'!(\$[A-Z]+\$\d+):(\$[A-Z]+\$\d+)$/.exec(rule.formulae[0]) ?? [];
    const list = workbook.getWorksheet(sheet);
    const [col, first] = from.split("$").slice(1);
    const last = Number(to.split("$")[2]);
    return Array.from({ length: last - Number(first) + 1 }, (_, i) => list?.getCell(`${col}${Number(first) + i}`).text);
  };

  it("offers every enumerated column's values on every data row, and the clerk's own regions", async () => {
    const regions = await writableRegions(database.db, clerk);
    expect(regions[0]).toBe("巴彦淖尔市");
    expect(regions).toContain("乌拉特后旗");
    expect(regions).toContain("临河区");
    expect(regions).not.toContain("包头市");
    expect(regions).toHaveLength(8);

    const workbook = await load(await templateXlsx(DATASETS.arena, regions));
    const headers = templateHeaders(DATASETS.arena);
    const column = (header: string) => workbook.worksheets[0].getColumn(headers.indexOf(header) + 1).letter;
    for (const row of [2, 5001]) {
      expect(offered(workbook, `${column("地区")}${row}`)).toEqual(regions);
      const level = DATASETS.arena.columns.find((c) => c.zh === "层级")?.choices;
      expect(level?.length).toBeGreaterThan(0);
      expect(offered(workbook, `${column("层级")}${row}`)).toEqual(level);
    }
    // A free-text column has no list.
    expect(offered(workbook, `${column("参赛单位")}2`)).toBeUndefined();
  });

  it("lists every reporting region for an admin, and none for a caller who may not report", async () => {
    expect(await writableRegions(database.db, { ...clerk, role: "viewer" })).toEqual([]);
    const all = await writableRegions(database.db, admin);
    expect(all[0]).toBe("内蒙古自治区");
    expect(all).toContain("乌拉盖管理区管委会");
    expect(all.length).toBeGreaterThan(100);
    const workbook = await load(await templateXlsx(DATASETS.promotions, []));
    expect(offered(workbook, "A2")).toBeUndefined();
  });
});
