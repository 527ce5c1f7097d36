import fs from "node:fs";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import type { Viewer } from "@/lib/auth/permissions";
import { datasets } from "@/lib/contract";
import { DATASETS, templateHeaders, templateRows } from "@/lib/datasets";
import { runImport } from "@/server/import/pipeline";
import { INSTRUCTIONS_SHEET, templateCsv, templateXlsx } from "@/server/import/template";
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
    expect(await written()).toBe(0);
  });

  it("has the header alone on the data sheet and the examples on the instructions sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(await templateXlsx(spec)));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([spec.zh, INSTRUCTIONS_SHEET]);
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
