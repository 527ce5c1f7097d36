import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openYear } from "@/db/mutations/periods";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { getBatch } from "@/db/queries/uploads";
import type { Viewer } from "@/lib/auth/permissions";
import { cadreDatasets, type Dataset } from "@/lib/contract";
import { DATASETS, templateHeaders, templateRows } from "@/lib/datasets";
import { getSubmission } from "@/server/import/review";
import { errorsOf, importCsv } from "../helpers/csv-upload";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
/** The autonomous region's clerk publishes directly (no level above reviews): the contract alone is tested here. */
const rootClerk = person("root-clerk", "clerk", "150000");

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

function upload(
  dataset: Dataset,
  lines: unknown[][],
  actor: Viewer = rootClerk,
  header = templateHeaders(DATASETS[dataset]),
) {
  return importCsv(db(), actor, dataset, lines, { header });
}

async function count(table: string) {
  const [row] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`);
  return row.n;
}

describe.each(cadreDatasets)("the %s contract", (dataset) => {
  it("takes the template's own example rows, and the same file twice changes nothing the second time", async () => {
    const examples = templateRows(DATASETS[dataset]);
    const first = await upload(dataset, examples);
    expect(first.errors).toEqual([]);
    expect([first.ok, first.inserted, first.updated]).toEqual([true, 2, 0]);
    const again = await upload(dataset, examples);
    expect([again.ok, again.inserted, again.updated, again.unchanged]).toEqual([true, 0, 0, 2]);
    expect(await count(DATASETS[dataset].table)).toBe(2);
  });
});

describe("errors name the row and the column, in Chinese, and a refused file writes nothing", () => {
  it("五看一测: a dimension that is neither a score nor a grade, an unknown conclusion", async () => {
    const before = await count("evaluations");
    const report = await upload("evaluations", [
      ["赛罕区", 2024, "", "王某", "科长", "赛罕区民政局", "很好", 80, 80, 80, 80, 95, 20, "优秀", "日常"],
      ["赛罕区", 2024, "", "赵某", "科长", "赛罕区民政局", 90, 80, 80, 80, 80, 95, 20, "良好", "日常"],
    ]);
    expect(report.ok).toBe(false);
    expect(errorsOf(report)).toEqual([
      [2, "政治表现", "应为 0–100 的分数，或以下等次之一：好、较好、一般、差。"],
      [3, "结论", "应为以下之一：优秀、称职、基本称职、不称职。"],
    ]);
    expect(await count("evaluations")).toBe(before);
  });

  it("五看一测: a grade is stored as the score it stands for", async () => {
    const report = await upload("evaluations", [
      ["赛罕区", 2022, "", "钱某", "", "赛罕区民政局", "较好", "好", "一般", "差", 88, "", "", "称职", "实干型"],
    ]);
    expect(report.errors).toEqual([]);
    const [stored] = await rows<Record<string, unknown>>(
      db(),
      sql`select political, effectiveness, role, frontline, conduct, kind from evaluations where cadre = '钱某'`,
    );
    expect(stored).toEqual({
      political: "80.00",
      effectiveness: "90.00",
      role: "70.00",
      frontline: "50.00",
      conduct: "88.00",
      kind: "实干型专项",
    });
  });

  it("适岗指数: an index out of range, an unknown grade; a blank follow-up is 无", async () => {
    const bad = await upload("job_fit", [
      ["乌拉特后旗", 2024, "孙某", "局长", "乌拉特后旗农牧局", 120, "适岗", ""],
      ["乌拉特后旗", 2024, "李某", "局长", "乌拉特后旗水利局", 55, "不合格", "调岗"],
    ]);
    expect(errorsOf(bad)).toEqual([
      [2, "适岗指数", "应在 0 到 100 之间。"],
      [3, "等次", "应为以下之一：适岗、基本适岗、不适岗。"],
    ]);
    const good = await upload("job_fit", [
      ["乌拉特后旗", 2024, "孙某", "局长", "乌拉特后旗农牧局", 55, "不适岗", "免职"],
    ]);
    expect(good.errors).toEqual([]);
    const [stored] = await rows<{ action: string }>(db(), sql`select action from job_fit where cadre = '孙某'`);
    expect(stored.action).toBe("免职/降职");
  });

  it("雏雁行动: more trained than selected is an error on 参训人数", async () => {
    const report = await upload("young_cadres", [["杭锦后旗", 2024, 20, 25, 10, 2, ""]]);
    expect(errorsOf(report)).toEqual([[2, "参训人数", "不能多于“入选人数”。"]]);
  });

  it("平时考核: grades adding up to more than were assessed, an unknown way of assessing", async () => {
    const report = await upload("routine_assessments", [
      ["牙克石市", 2024, 1, "牙克石市审计局", 10, 5, 5, 1, 0, "个人评"],
      ["牙克石市", 2024, 1, "牙克石市统计局", 10, 5, 4, 1, 0, "个人评、自评"],
    ]);
    expect(errorsOf(report)).toEqual([
      [2, "参评人数", "好、较好、一般、较差合计 11 人，多于参评人数。"],
      [3, "评价方式", "“自评”不是可选的方式；可填以下一项或多项，用顿号分隔：个人评、群众评、专班评、内部评、外部评。"],
    ]);
  });

  it("平时考核: the ways of assessing are stored in the contract's order however they were written", async () => {
    const report = await upload("routine_assessments", [
      ["牙克石市", 2024, 2, "牙克石市审计局", 10, 5, 4, 1, 0, "外部评，个人评 群众评"],
    ]);
    expect(report.errors).toEqual([]);
    const [stored] = await rows<{ methods: string }>(
      db(),
      sql`select methods from routine_assessments where contact_point = '牙克石市审计局' and quarter = 2`,
    );
    expect(stored.methods).toBe("个人评、群众评、外部评");
  });
});

describe("an upload's rows of named evaluations", () => {
  it("show whose they are only with the personnel permission, and each such view is in the audit log", async () => {
    const report = await upload("evaluations", [
      ["乌拉特后旗", 2021, "", "周某", "副局长", "乌拉特后旗商务局", 91, 90, 92, 93, 90, 97, 30, "优秀", "日常"],
    ]);
    const batchId = report.batchId as number;
    const views = async () =>
      rows<{ actor: string; detail: { dataset: string; door: string; subjects: string[] } }>(
        db(),
        sql`select actor, detail from audit_log where action = 'personnel.view' order by id`,
      );
    const without = await getBatch(db(), person("admin-1", "admin", "150000"), batchId, { page: 1 });
    expect(without.rows[0].current).toMatchObject({ cadre: null, post: null, unit: null, political: 91 });
    expect(await views()).toEqual([]);

    const granted = { ...person("admin-2", "admin", "150000"), personnel: true };
    const shown = await getBatch(db(), granted, batchId, { page: 1 });
    expect(shown.rows[0].current).toMatchObject({ cadre: "周某", unit: "乌拉特后旗商务局" });
    expect(await views()).toEqual([
      {
        actor: "admin-2",
        detail: expect.objectContaining({
          dataset: "evaluations",
          door: "batch",
          subjects: ["周某 · 乌拉特后旗商务局"],
        }),
      },
    ]);
  });
});

describe("a banner's report of named evaluations, for review by its league", () => {
  it("shows its rows to a reviewer with the personnel permission (recorded), its counts alone to one without", async () => {
    await openYear(db(), rootClerk, 2024);
    const bannerClerk = person("wuhou-clerk", "clerk", "150825");
    const sent = await upload(
      "evaluations",
      [["乌拉特后旗", 2024, "", "吴某", "副局长", "乌拉特后旗商务局", 88, 86, 90, 91, 89, 95, 25, "称职", "日常"]],
      bannerClerk,
    );
    expect(sent.errors).toEqual([]);
    const id = sent.submissions[0]?.id as number;
    expect(id).toBeGreaterThan(0);
    const before = await count("audit_log where action = 'personnel.view'");

    const reviewer = person("bayannur-clerk", "clerk", "150800");
    const hidden = await getSubmission(db(), reviewer, id, "zh-CN");
    expect(hidden.personnelHidden).toBe(true);
    expect(hidden.changes).toMatchObject({ inserted: 1, preview: [] });
    expect(await count("audit_log where action = 'personnel.view'")).toBe(before);

    const granted = await getSubmission(db(), { ...reviewer, personnel: true }, id, "zh-CN");
    expect(granted.personnelHidden).toBe(false);
    expect(granted.changes?.preview.map((c) => c.key)).toEqual([expect.stringContaining("吴某")]);
    const [audit] = await rows<{ actor: string; detail: { door: string; subjects: string[] } }>(
      db(),
      sql`select actor, detail from audit_log where action = 'personnel.view' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ actor: "bayannur-clerk", detail: { door: "submission" } });
    expect(audit.detail.subjects[0]).toContain("吴某");
  });
});
