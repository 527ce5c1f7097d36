import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import type { Viewer } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import { DATASETS, templateRows } from "@/lib/datasets";
import { errorsOf, importCsv } from "../helpers/csv-upload";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
/** The autonomous region's clerk publishes directly: the contract alone is tested here. */
const rootClerk = person("root-clerk", "clerk", "150000");

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

const upload = (dataset: Dataset, lines: unknown[][], actor: Viewer = rootClerk) =>
  importCsv(db(), actor, dataset, lines);

async function count(table: string) {
  const [row] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`);
  return row.n;
}

describe("the cycle's contracts: 设榜, 揭榜, 跟榜, 评榜", () => {
  it("take the templates' own example rows in the cycle's order, and the same files again change nothing", async () => {
    for (const dataset of [
      "challenges",
      "projects",
      "applications",
      "project_issues",
      "project_evaluations",
    ] as const) {
      const examples = templateRows(DATASETS[dataset]);
      const first = await upload(dataset, examples);
      expect(first.errors, dataset).toEqual([]);
      expect([first.ok, first.inserted, first.updated], dataset).toEqual([true, 2, 0]);
      const again = await upload(dataset, examples);
      expect([again.ok, again.inserted, again.updated, again.unchanged], dataset).toEqual([true, 0, 0, 2]);
    }
    const [issue] = await rows<{ status: string; days: number }>(
      db(),
      sql`select status, solved_on - raised_on as days from project_issues where issue = '项目用地审批'`,
    );
    expect(issue).toEqual({ status: "已解决", days: 16 });
  });
});

describe("errors name the row and the column, in Chinese, and a refused file writes nothing", () => {
  it("揭榜: a challenge or project that is not stored, the same cadre twice for one challenge", async () => {
    const before = await count("applications");
    const report = await upload("applications", [
      ["乌拉特后旗", "BD-150825-2023-001", "赵六", "乌拉特后旗商务局", "2023-08-09", ""],
      ["乌拉特后旗", "BD-150825-2099-404", "钱七", "", "2023-08-09", ""],
      ["乌拉特后旗", "BD-150825-2023-001", "孙八", "", "2023-08-10", "JB-150825-2023-404"],
      ["乌拉特后旗", "BD-150825-2023-001", "赵六", "", "2023-08-11", ""],
    ]);
    expect(report.ok).toBe(false);
    expect(errorsOf(report)).toEqual([
      [3, "榜单编号", "榜单编号“BD-150825-2099-404”不存在，请先在“设榜”中上传该记录。"],
      [4, "项目编号", "项目编号“JB-150825-2023-404”不存在，请先在“揭榜挂帅”中上传该记录。"],
      [5, "榜单编号、申报干部", "与第 2 行重复（榜单编号、申报干部相同），同一项只能出现一次。"],
    ]);
    expect(await count("applications")).toBe(before);
  });

  it("跟榜: 解决日期 required iff 已解决, never before 提出日期; the project must be stored", async () => {
    const before = await count("project_issues");
    const report = await upload("project_issues", [
      ["乌拉特后旗", "JB-150825-2023-101", "用水指标", "乌拉特后旗水利局", "2023-09-01", "", "已解决"],
      ["乌拉特后旗", "JB-150825-2023-101", "施工许可", "", "2023-09-01", "2023-08-30", "已解决"],
      ["乌拉特后旗", "JB-150825-2023-101", "供电接入", "", "2023-09-01", "2023-09-10", "待解决"],
      ["乌拉特后旗", "JB-150825-2023-404", "道路配套", "", "2023-09-01", "", "待解决"],
      ["乌拉特后旗", "JB-150825-2023-101", "人才招聘", "", "2023-09-01", "", "搁置"],
    ]);
    expect(report.ok).toBe(false);
    expect(errorsOf(report)).toEqual([
      [2, "解决日期", "状态为已解决时须填写解决日期。"],
      [3, "解决日期", "不能早于“提出日期”。"],
      [4, "解决日期", "状态为待解决时解决日期应留空；已解决请将状态改为已解决。"],
      [5, "项目编号", "项目编号“JB-150825-2023-404”不存在，请先在“揭榜挂帅”中上传该记录。"],
      [6, "状态", "应为以下之一：待解决、已解决。"],
    ]);
    expect(await count("project_issues")).toBe(before);
  });

  it("设榜 and 评榜: an unknown status, grade or use", async () => {
    const challenges = await count("challenges");
    const bad = await upload("challenges", [
      ["乌拉特后旗", "BD-150825-2023-010", "新能源", "招引储能项目", "", "2023-03-01", "", "", "进行中"],
      ["乌拉特后旗", "BD-150825-2023-011", "", "招引光伏项目", "", "2023-03-01", -5, "", "待揭榜"],
    ]);
    expect(errorsOf(bad)).toEqual([
      [2, "状态", "应为以下之一：待揭榜、已揭榜、已关闭。"],
      [3, "产业链", "此项必填，不能为空。"],
      [3, "目标投资", "应在 0 到 10000000000 之间。"],
    ]);
    expect(await count("challenges")).toBe(challenges);
    const evaluations = await count("project_evaluations");
    const grades = await upload("project_evaluations", [
      ["乌拉特后旗", "JB-150825-2023-101", 2024, "称职", "", ""],
      ["乌拉特后旗", "JB-150825-2023-102", 2024, "优秀", "记功", ""],
    ]);
    expect(errorsOf(grades)).toEqual([
      [2, "等次", "应为以下之一：优秀、良好、一般、较差。"],
      [3, "激励运用", "应为以下之一：提拔使用、晋升职级、评优评先、通报表扬、无。"],
    ]);
    expect(await count("project_evaluations")).toBe(evaluations);
  });
});
