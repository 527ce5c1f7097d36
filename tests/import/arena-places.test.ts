import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { DATASETS, templateHeaders, templateRows } from "@/lib/datasets";
import { errorsOf, importCsv } from "../helpers/csv-upload";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";

/**
 * The places of arena entries (docs/data-contract.md §4.10): 苏木乡镇 and 嘎查村/社区 named in their columns
 * and resolved as the organisations register's are, else the one township of the banner whose full name
 * 参赛单位 contains; a named place that matches nothing or several is an error on its row and column.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const rootClerk = person("root-clerk", "clerk", "150000");

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

const spec = DATASETS.arena;
const header = templateHeaders(spec);
const row = (cells: Record<string, unknown>) =>
  header.map((h) => ({ 地区: "临河区", 年度: 2023, 层级: "苏木乡镇", 得分: 90, ...cells })[h] ?? "");
const upload = (lines: unknown[][], options: { dryRun?: boolean; locale?: "zh-CN" | "en" } = {}) =>
  importCsv(db(), rootClerk, "arena", lines, options);

async function placesOf(organisation: string) {
  const [found] = await rows<{ township_code: string | null; village_code: string | null }>(
    db(),
    sql`select township_code, village_code from arena_entries where organisation = ${organisation}`,
  );
  return found;
}

describe("the places of arena entries", () => {
  it("has the two optional columns in its template, and takes the template's rows", async () => {
    expect(header).toEqual(expect.arrayContaining(["苏木乡镇", "嘎查村/社区"]));
    const report = await upload(templateRows(spec));
    expect(report.errors).toEqual([]);
    expect(await placesOf("巴音宝力格嘎查")).toEqual({ township_code: "150825100", village_code: null });
  });

  it("resolves the columns by name or code, and a village alone gives its township", async () => {
    const report = await upload([
      row({ 参赛单位: "甲单位", 苏木乡镇: "双河镇" }),
      row({ 参赛单位: "乙单位", 苏木乡镇: "150802101" }),
      row({ 参赛单位: "丙单位", 层级: "嘎查村", "嘎查村/社区": "150802104201" }),
      row({ 参赛单位: "丁单位", 层级: "社区", 苏木乡镇: "双河镇", "嘎查村/社区": "金河社区居委会" }),
    ]);
    expect(report.errors).toEqual([]);
    expect(await placesOf("甲单位")).toEqual({ township_code: "150802104", village_code: null });
    expect(await placesOf("乙单位")).toEqual({ township_code: "150802101", village_code: null });
    expect(await placesOf("丙单位")).toEqual({ township_code: "150802104", village_code: "150802104201" });
    expect(await placesOf("丁单位")).toEqual({ township_code: "150802104", village_code: "150802104001" });
  });

  it("recognises the one township whose full name 参赛单位 contains, and leaves two or none blank without an error", async () => {
    const report = await upload([
      row({ 参赛单位: "双河镇人民政府" }),
      row({ 参赛单位: "新华街道党工委" }),
      // Two of 临河区's townships: no guess.
      row({ 参赛单位: "新华镇狼山镇联合党委" }),
      // A name without its suffix is no full name.
      row({ 参赛单位: "双河党委" }),
      // Another banner's township is not this banner's.
      row({ 参赛单位: "巴音宝力格镇党委" }),
      // A league's row has no townships.
      row({ 地区: "巴彦淖尔市", 层级: "市直部门", 参赛单位: "双河镇驻市办事处" }),
    ]);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect((await placesOf("双河镇人民政府")).township_code).toBe("150802104");
    expect((await placesOf("新华街道党工委")).township_code).toBe("150802005");
    for (const unit of ["新华镇狼山镇联合党委", "双河党委", "巴音宝力格镇党委", "双河镇驻市办事处"]) {
      expect((await placesOf(unit)).township_code, unit).toBeNull();
    }
  });

  it("a named column wins over recognition, and the same file twice changes nothing", async () => {
    const lines = [row({ 参赛单位: "狼山镇新华村联建党委", 苏木乡镇: "新华镇" })];
    const first = await upload(lines);
    expect(first.errors).toEqual([]);
    expect((await placesOf("狼山镇新华村联建党委")).township_code).toBe("150802101");
    const again = await upload(lines);
    expect([again.ok, again.inserted, again.updated]).toEqual([true, 0, 0]);
  });

  it("refuses a named place that matches nothing or several, naming the row and the column", async () => {
    const before = await rows<{ n: number }>(db(), sql`select count(*)::int as n from arena_entries`);
    const report = await upload([
      row({ 参赛单位: "戊单位", 苏木乡镇: "不存在镇" }),
      row({ 参赛单位: "己单位", 层级: "嘎查村", "嘎查村/社区": "一分场村委会" }),
      row({ 参赛单位: "庚单位", 层级: "嘎查村", 苏木乡镇: "双河镇", "嘎查村/社区": "不存在村" }),
      row({ 地区: "巴彦淖尔市", 层级: "市直部门", 参赛单位: "辛单位", 苏木乡镇: "双河镇" }),
    ]);
    expect(report.ok).toBe(false);
    const errors = errorsOf(report);
    expect(errors.find((e) => e[0] === 2)?.slice(0, 2)).toEqual([2, "苏木乡镇"]);
    expect(errors.find((e) => e[0] === 2)?.[2]).toMatch(/^在临河区找不到苏木乡镇“不存在镇”。可选：/);
    expect(errors.find((e) => e[0] === 3)?.[1]).toBe("嘎查村/社区");
    expect(errors.find((e) => e[0] === 3)?.[2]).toMatch(
      /^临河区有多个嘎查村\/社区叫“一分场村委会”：一分场村委会（.*150802400201）、一分场村委会（.*150802401201），请填写代码。$/,
    );
    expect(errors.find((e) => e[0] === 4)?.slice(0, 2)).toEqual([4, "嘎查村/社区"]);
    expect(errors).toContainEqual([5, "苏木乡镇", "苏木乡镇须填写在旗县区的行上，巴彦淖尔市不是旗县区。"]);
    const after = await rows<{ n: number }>(db(), sql`select count(*)::int as n from arena_entries`);
    expect(after).toEqual(before);
  });

  it("says the same in English", async () => {
    const report = await upload([row({ 参赛单位: "壬单位", 苏木乡镇: "不存在镇" })], { locale: "en" });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].column).toBe("苏木乡镇");
    expect(report.errors[0].message).toMatch(/不存在镇/);
    expect(report.errors[0].message).not.toMatch(/找不到/);
  });
});
