import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { DATASETS, templateHeaders, templateRows } from "@/lib/datasets";
import { errorsOf, importCsv } from "../helpers/csv-upload";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";

/** The 政治生日 contract (docs/data-contract.md §4.7) through the one import pipeline. */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const rootClerk = person("root-clerk", "clerk", "150000");
const header = templateHeaders(DATASETS.member_care);

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

const upload = (lines: unknown[][], { dryRun = false, locale = "zh-CN" as "zh-CN" | "en" } = {}) =>
  importCsv(db(), rootClerk, "member_care", lines, { dryRun, locale });

const stored = () =>
  rows<{ region_code: string; year: number; month: number; quarter: number; unit: string; due: number }>(
    db(),
    sql`select region_code, year, month, quarter, unit, due from member_care order by region_code, year, month, unit`,
  );

describe("the member_care contract", () => {
  it("has the template's columns, region first", () => {
    expect(header).toEqual(["地区", "年度", "月份", "党组织", "当月政治生日党员数", "已过政治生日人数", "活动形式"]);
  });

  it("takes the template's examples; a month may be written 8月 or 八月; the quarter follows the month", async () => {
    const first = await upload(templateRows(DATASETS.member_care));
    expect(first.errors).toEqual([]);
    expect([first.ok, first.inserted]).toEqual([true, 2]);
    const more = await upload([
      ["乌拉特后旗", "2023年", "十一月", "乌拉特后旗工业和信息化局党支部", 4, 4, ""],
      ["乌拉特后旗", 2023, "2023年10月", "乌拉特后旗工业和信息化局党支部", 2, 1, "赠送政治生日贺卡"],
    ]);
    expect(more.errors).toEqual([]);
    expect(await stored()).toEqual([
      { region_code: "150000", year: 2023, month: 12, quarter: 4, unit: "自治区人民政府办公厅机关党委", due: 18 },
      { region_code: "150825", year: 2023, month: 8, quarter: 3, unit: "乌拉特后旗工业和信息化局党支部", due: 3 },
      { region_code: "150825", year: 2023, month: 10, quarter: 4, unit: "乌拉特后旗工业和信息化局党支部", due: 2 },
      { region_code: "150825", year: 2023, month: 11, quarter: 4, unit: "乌拉特后旗工业和信息化局党支部", due: 4 },
    ]);
    const again = await upload(templateRows(DATASETS.member_care));
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 2]);
  });

  it("names the row and the column of each mistake, in Chinese, and a refused file writes nothing", async () => {
    const before = await stored();
    const report = await upload([
      ["乌拉特后旗", 2024, 13, "乌拉特后旗农牧局党支部", 3, 3, ""],
      ["乌拉特后旗", 2024, 2, "乌拉特后旗农牧局党支部", 3, 5, ""],
      ["乌拉特后旗", 2024, 3, "", 3, 2, ""],
      ["乌拉特后旗", 2024, 4, "乌拉特后旗农牧局党支部", -1, 0, ""],
      ["乌拉特后旗", 2024, 5, "乌拉特后旗农牧局党支部", 3, 2, ""],
    ]);
    expect(report.ok).toBe(false);
    expect(errorsOf(report)).toEqual([
      [2, "月份", "月份无法识别，请写成 1–12、8月或八月。"],
      [3, "已过政治生日人数", "不能多于“当月政治生日党员数”。"],
      [4, "党组织", "此项必填，不能为空。"],
      [5, "当月政治生日党员数", "应在 0 到 100000 之间。"],
    ]);
    expect(await stored()).toEqual(before);
  });

  it("speaks English in the English interface", async () => {
    const report = await upload([["乌拉特后旗", 2024, "Sept", "乌拉特后旗农牧局党支部", 3, 3, ""]], {
      dryRun: true,
      locale: "en",
    });
    expect(errorsOf(report)).toEqual([[2, "月份", "The month is not readable; write 1–12, 8月 or 八月."]]);
  });
});
