import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import type { Viewer } from "@/lib/auth/permissions";
import { DATASETS, templateHeaders, templateRows } from "@/lib/datasets";
import { errorsOf, importCsv } from "../helpers/csv-upload";
import { testDatabase } from "../helpers/db";
import { person, wuhouClerk } from "../helpers/viewers";

/**
 * The upload contract of 基层党组织 (docs/data-contract.md §4.8): the template's rows, the types'
 * full names, township and village resolved by exact name inside the row's banner, and the rules of
 * the row (an adjustment complete and within one year, a joint branch's units adding up).
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

const spec = DATASETS.organisations;
const header = templateHeaders(spec);
const upload = (lines: unknown[][], actor: Viewer = rootClerk) => importCsv(db(), actor, "organisations", lines);

const count = async () => (await rows<{ n: number }>(db(), sql`select count(*)::int as n from organisations`))[0].n;

/** A row in the template's order, from its named cells (the rest blank). */
function row(cells: Record<string, unknown>): unknown[] {
  return header.map((h) => cells[h] ?? "");
}
const branch = (cells: Record<string, unknown> = {}) =>
  row({
    地区: "乌拉特后旗",
    组织名称: "中共乌拉特后旗水利局机关支部委员会",
    类型: "支部委员会",
    所在单位: "乌拉特后旗水利局",
    单位类型: "机关",
    正式党员人数: 18,
    本届选举日期: "2024-03-01",
    书记: "王某",
    ...cells,
  });

describe("the organisations contract", () => {
  it("takes the template's example rows, resolves the township and village to their codes, and the same file twice changes nothing", async () => {
    const first = await upload(templateRows(spec));
    expect(first.errors).toEqual([]);
    expect([first.ok, first.inserted]).toEqual([true, 2]);
    const [stored] = await rows<{ township_code: string; village_code: string; type: string }>(
      db(),
      sql`select township_code, village_code, type::text from organisations where name = '中共宝力格嘎查支部委员会'`,
    );
    expect(stored).toEqual({ township_code: "150825100", village_code: "150825100206", type: "党支部" });
    const again = await upload(templateRows(spec));
    expect([again.ok, again.inserted, again.updated, again.unchanged]).toEqual([true, 0, 0, 2]);
  });

  it("takes the full names of the types as aliases, a joint branch whose units add up, and a village inside its township", async () => {
    const report = await upload([
      branch({ 组织名称: "中共乌拉特后旗党委A", 类型: "基层委员会" }),
      branch({ 组织名称: "中共乌拉特后旗总支B", 类型: "总支部委员会" }),
      branch({ 组织名称: "中共乌拉特后旗联合支部", 正式党员人数: 6, 联合单位: "甲公司:2、乙合作社：4" }),
      branch({ 组织名称: "中共呼和温都尔嘎查支部委员会", 苏木乡镇: "呼和温都尔镇", "嘎查村/社区": "呼和温都尔嘎查" }),
    ]);
    expect(report.errors).toEqual([]);
    const stored = await rows<{ name: string; type: string; joint_units: string | null; village_code: string | null }>(
      db(),
      sql`select name, type::text, joint_units, village_code from organisations where name like '中共乌拉特后旗%' or name like '中共呼和%' order by name`,
    );
    expect(stored.map((s) => [s.type, s.joint_units, s.village_code])).toEqual(
      expect.arrayContaining([
        ["党委", null, null],
        ["党总支", null, null],
        ["党支部", "甲公司:2、乙合作社:4", null],
        ["党支部", null, "150825101207"],
      ]),
    );
  });

  it("refuses each broken rule with its row and column, in Chinese, and writes nothing", async () => {
    const before = await count();
    const report = await upload([
      // 2: an extension of more than a year (a 支部 of an agency: 2024-03-01 + 3 years = 2027-03-01)
      branch({
        组织名称: "甲",
        调整类型: "延期换届",
        调整原因: "机构改革",
        批准机关: "中共乌拉特后旗委员会",
        调整后届满日期: "2028-03-02",
      }),
      // 3: an adjustment without its approver
      branch({ 组织名称: "乙", 调整类型: "延期", 调整原因: "机构改革", 调整后届满日期: "2027-06-01" }),
      // 4: a reason without a type
      branch({ 组织名称: "丙", 调整原因: "机构改革" }),
      // 5: an unknown township, with the banner's townships as candidates
      branch({ 组织名称: "丁", 苏木乡镇: "不存在镇" }),
      // 6: a village named twice in the banner, without its township
      branch({ 组织名称: "戊", "嘎查村/社区": "呼和温都尔嘎查" }),
      // 7: a joint branch whose units do not add up
      branch({ 组织名称: "己", 正式党员人数: 7, 联合单位: "甲公司:2、乙公司:4" }),
      // 8: an unknown type
      branch({ 组织名称: "庚", 类型: "党小组" }),
      // 9: an early election that ends after the regular end
      branch({
        组织名称: "辛",
        调整类型: "提前换届",
        调整原因: "单位合并",
        批准机关: "中共乌拉特后旗委员会",
        调整后届满日期: "2027-05-01",
      }),
      // 10: a township on a league's row
      branch({ 地区: "巴彦淖尔市", 组织名称: "壬", 苏木乡镇: "巴音宝力格镇" }),
      // 11: a village community's branch serves five years: an extension from 2029-03-01 is fine
      branch({
        组织名称: "癸",
        单位类型: "农村/嘎查村",
        调整类型: "延期换届",
        调整原因: "与两委换届同步",
        批准机关: "中共巴音宝力格镇委员会",
        调整后届满日期: "2030-03-01",
      }),
    ]);
    expect(report.ok).toBe(false);
    const errors = errorsOf(report);
    expect(errors).toContainEqual([
      2,
      "调整后届满日期",
      "延期或提前换届一般不超过 1 年：按期届满日期为 2027-03-01，调整后的日期不能与之相差 1 年以上。",
    ]);
    expect(errors).toContainEqual([3, "批准机关", "有调整类型（延期换届或提前换届）时此项必填。"]);
    expect(errors).toContainEqual([
      4,
      "调整类型",
      "填写了调整原因、批准机关或调整后届满日期，但没有填写调整类型（延期换届或提前换届）。",
    ]);
    const unknown = errors.find((e) => e[0] === 5);
    expect(unknown?.[1]).toBe("苏木乡镇");
    expect(unknown?.[2]).toMatch(/^在乌拉特后旗找不到苏木乡镇“不存在镇”。可选：.*巴音宝力格镇/);
    expect(errors).toContainEqual([
      6,
      "嘎查村/社区",
      "乌拉特后旗有多个嘎查村/社区叫“呼和温都尔嘎查”：呼和温都尔嘎查（呼和温都尔镇，150825101207）、呼和温都尔嘎查（乌盖苏木，150825202202），请填写代码。",
    ]);
    expect(errors).toContainEqual([7, "联合单位", "联合单位的正式党员合计 6 人，与正式党员人数 7 人不一致。"]);
    expect(errors).toContainEqual([8, "类型", "应为以下之一：党委、党总支、党支部。"]);
    expect(errors).toContainEqual([9, "调整后届满日期", "提前换届的届满日期应早于按期届满日期 2027-03-01。"]);
    expect(errors).toContainEqual([10, "苏木乡镇", "苏木乡镇须填写在旗县区的行上，巴彦淖尔市不是旗县区。"]);
    expect(errors.filter((e) => e[0] === 11)).toEqual([]);
    expect(await count()).toBe(before);
  });

  it("a clerk writes only their own banner's organisations", async () => {
    const report = await upload([branch({ 地区: "临河区", 组织名称: "中共临河区某支部" })], wuhouClerk);
    expect(report.ok).toBe(false);
    expect(errorsOf(report)[0]).toEqual([
      2,
      "地区",
      "您只能上传本地区（乌拉特后旗）及下级地区的数据，临河区不在其中。",
    ]);
  });
});
