import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/db/connect";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { RequestRefused } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { type ImportOptions, runImport } from "@/server/import/pipeline";
import { testDatabase } from "../helpers/db";
import { wuhouClerk } from "../helpers/viewers";
import { sheetXml, tempFile, writeXlsx } from "../helpers/xlsx";

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const clerk = wuhouClerk;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

function csv(name: string, lines: string[]): string {
  const file = tempFile(name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const run = (filePath: string, options: Partial<ImportOptions> = {}, actor: Viewer = clerk) =>
  runImport(db(), actor, {
    dataset: "promotions",
    filePath,
    fileName: path.basename(filePath),
    dryRun: false,
    locale: "zh-CN",
    source: "cli",
    ...options,
  });

async function count(table: string, where = sql`true`) {
  const [row] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return row.n;
}
async function promotion(region: string, year: number, quarter: number, field: string) {
  const [row] = await rows<{ count: number }>(
    db(),
    sql`select count from promotions where region_code = ${region} and year = ${year} and quarter = ${quarter} and field = ${field}`,
  );
  return row?.count ?? null;
}

const GOOD = [
  "地区,年度,季度,领域,人数",
  "乌拉特后旗,2023,1,乡村振兴,3",
  "乌拉特后旗,2023,1,非一线,1",
  "150825,2023年,第二季度,招商引资,2",
];

describe("a good file", () => {
  it("commits every row, records the batch with its hash, and the audit log", async () => {
    const report = await run(csv("good.csv", GOOD));
    expect(report).toMatchObject({ ok: true, rows: 3, inserted: 3, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(report.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await promotion("150825", 2023, 2, "招商引资")).toBe(2);
    const [batch] = await rows<{ file_hash: string; rows: number; created_by: string }>(
      db(),
      sql`select file_hash, rows, created_by from upload_batches where id = ${report.batchId}`,
    );
    expect(batch).toEqual({ file_hash: report.fileHash, rows: 3, created_by: "clerk-1" });
    expect(
      await count("audit_log", sql`action = 'upload.commit' and detail->>'batchId' = ${String(report.batchId)}`),
    ).toBe(1);
  });

  it("uploaded again changes nothing and writes nothing new", async () => {
    const batches = await count("upload_batches");
    const report = await run(csv("good-again.csv", GOOD));
    expect(report).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 3, batchId: null });
    expect(await count("upload_batches")).toBe(batches);
  });

  it("corrected updates only what changed, and previews before → after", async () => {
    const corrected = [...GOOD.slice(0, 3), "150825,2023年,第二季度,招商引资,5"];
    const preview = await run(csv("corrected.csv", corrected), { dryRun: true });
    expect(preview).toMatchObject({ ok: true, inserted: 0, updated: 1, unchanged: 2, batchId: null });
    expect(preview.preview).toEqual([
      { row: 4, key: "150825 · 2023 · 2 · 招商引资", before: { count: 2 }, after: { count: 5 } },
    ]);
    expect(await promotion("150825", 2023, 2, "招商引资")).toBe(2);
    const report = await run(csv("corrected.csv", corrected));
    expect(report).toMatchObject({ ok: true, updated: 1, unchanged: 2 });
    expect(await promotion("150825", 2023, 2, "招商引资")).toBe(5);
  });
});

describe("a file with errors", () => {
  it("writes nothing and lists every problem with the row number Excel shows", async () => {
    const before = await count("promotions");
    const report = await run(
      csv("bad.csv", [
        "2023年乌拉特后旗提拔使用情况",
        "地区,年度,季度,领域,人数",
        "乌拉特后旗,2023,3,乡村振兴,4",
        "临河区,2023,3,乡村振兴,4",
        "乌拉特后旗,2023,Q5,乡村振兴,-1",
        "乌后旗,2023,3,乡村振兴,9",
        "合计,,,,17",
        "",
      ]),
    );
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, "地区", "临河区"],
      [5, "季度", "Q5"],
      [5, "人数", "-1"],
      // 乌后旗 is 乌拉特后旗: the same key as row 3, listed in the same report as the other errors.
      [6, "地区、年度、季度、领域", ""],
    ]);
    expect(report.errors[0].message).toBe("您只能上传本地区（乌拉特后旗）及下级地区的数据，临河区不在其中。");
    expect(report.warnings).toEqual([{ row: 7, message: "合计/总计行已跳过，不导入。" }]);
    expect(report.skipped).toBe(1);
    expect(await count("promotions")).toBe(before);
  });

  it("names both rows of a key that appears twice", async () => {
    const report = await run(
      csv("dup.csv", ["地区,年度,季度,领域,人数", "乌拉特后旗,2022,1,乡村振兴,1", "乌后旗,2022,1,乡村振兴,2"]),
    );
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining("与第 2 行重复") }),
    ]);
  });

  it("says what a file that is not CSV or XLSX looks like", async () => {
    const file = tempFile("scan.csv");
    fs.writeFileSync(file, "%PDF-1.5 binary");
    const report = await run(file);
    expect(report.errors[0].message).toContain("看起来是PDF 文档");
  });

  it("in English for the English UI", async () => {
    const report = await run(csv("en.csv", ["region,year,quarter,field,count", "Linhe,2023,1,乡村振兴,1"]), {
      locale: "en",
    });
    expect(report.errors[0].message).toBe("No region is called “Linhe”; write its code or full name.");
  });
});

describe("XLSX", () => {
  it("with a title row, merged cells and the sheet named after the dataset, gives the same result as CSV", async () => {
    const file = writeXlsx(tempFile("arena.xlsx"), [
      {
        name: "擂台比武",
        xml: sheetXml(
          [
            ["2023年擂台比武参赛名单", null, null, null, null, null],
            ["地区", "年度", "层级", "参赛单位", "书记", "得分"],
            ["乌拉特后旗", 2023, "嘎查村", "巴音宝力格嘎查", "张三", 92.5],
            [null, 2023, "社区", "赛乌素社区", "李四", "88"],
          ],
          ["A1:F1", "A3:A4"],
        ),
      },
    ]);
    const report = await run(file, { dataset: "arena" });
    expect(report).toMatchObject({ ok: true, inserted: 2, errors: [] });
    const again = await run(file, { dataset: "arena" });
    expect(again).toMatchObject({ ok: true, unchanged: 2, inserted: 0, updated: 0 });
  });
});

describe("undo", () => {
  it("restores the values a batch replaced and removes what it added, once, and not after a later change", async () => {
    const first = await run(csv("u1.csv", ["地区,年度,季度,领域,人数", "乌拉特后旗,2021,4,防沙治沙,7"]));
    const second = await run(
      csv("u2.csv", ["地区,年度,季度,领域,人数", "乌拉特后旗,2021,4,防沙治沙,8", "乌拉特后旗,2021,4,基层治理,1"]),
    );
    expect(second).toMatchObject({ inserted: 1, updated: 1 });
    // The first batch's row was changed by the second: undoing the first would lose that.
    await expect(undoBatch(db(), clerk, first.batchId as number)).rejects.toMatchObject({ status: 409 });

    await undoBatch(db(), clerk, second.batchId as number);
    expect(await promotion("150825", 2021, 4, "防沙治沙")).toBe(7);
    expect(await promotion("150825", 2021, 4, "基层治理")).toBeNull();
    await expect(undoBatch(db(), clerk, second.batchId as number)).rejects.toBeInstanceOf(RequestRefused);
    expect(await count("audit_log", sql`action = 'upload.undo'`)).toBe(1);

    await undoBatch(db(), clerk, first.batchId as number);
    expect(await promotion("150825", 2021, 4, "防沙治沙")).toBeNull();
  });

  it("is refused to a clerk of another region, as if the batch did not exist", async () => {
    const report = await run(csv("u3.csv", ["地区,年度,季度,领域,人数", "乌拉特后旗,2020,1,防沙治沙,1"]));
    const other: Viewer = { ...clerk, id: "clerk-2", regionCode: "150802" };
    await expect(undoBatch(db(), other, report.batchId as number)).rejects.toMatchObject({ status: 404 });
  });
});

describe("projects", () => {
  it("record the date each stage was reached, and undo removes them", async () => {
    const file = csv("projects.csv", [
      "项目编号,项目名称,地区,产业链,揭榜干部,干部单位,揭榜日期,阶段,计划投资（万元）,到位资金（万元）",
      'T-1,测试项目,乌拉特后旗,化工新材料,王五,工信局,2023/8/15,已签约,"1,200",260',
    ]);
    const report = await run(file, { dataset: "projects" });
    expect(report).toMatchObject({ ok: true, inserted: 1 });
    const stages = await rows<{ stage: string; reached: string }>(
      db(),
      sql`select e.stage::text as stage, e.reached_on::text as reached from project_stage_events e
          join projects p on p.id = e.project_id where p.code = 'T-1' order by e.stage`,
    );
    expect(stages.map((s) => s.stage)).toEqual(["已揭榜", "已对接", "已签约"]);
    expect(stages[0].reached).toBe("2023-08-15");
    await undoBatch(db(), clerk, report.batchId as number);
    expect(await count("projects", sql`code = 'T-1'`)).toBe(0);
    expect(await count("project_stage_events")).toBe(0);
  });
});

describe("concurrency and crashes", () => {
  it("two uploads at once to the same keys end consistent: one file wins whole", async () => {
    const header = "地区,年度,季度,领域,人数";
    const keys = ["乡村振兴", "招商引资", "基层治理", "防沙治沙", "其他一线"];
    const a = csv("a.csv", [header, ...keys.map((k) => `乌拉特后旗,2019,1,${k},1`)]);
    const b = csv("b.csv", [header, ...keys.map((k) => `乌拉特后旗,2019,1,${k},2`)]);
    const [ra, rb] = await Promise.all([run(a), run(b)]);
    expect(ra.ok && rb.ok).toBe(true);
    const values = await rows<{ count: number }>(
      db(),
      sql`select count from promotions where region_code = '150825' and year = 2019`,
    );
    expect(values).toHaveLength(5);
    expect(new Set(values.map((v) => v.count)).size).toBe(1);
    // The later batch can be undone, and leaves the earlier one's values whole.
    const later = Math.max(ra.batchId as number, rb.batchId as number);
    await undoBatch(db(), clerk, later);
    const after = await rows<{ count: number }>(
      db(),
      sql`select count from promotions where region_code = '150825' and year = 2019`,
    );
    expect(after).toHaveLength(5);
    expect(new Set(after.map((v) => v.count)).size).toBe(1);
  });

  it("a process killed in the middle of an import leaves nothing half-written", async () => {
    const ROWS = 200_000;
    // A fresh database the killed process owns: a server database of its own, or a PGlite folder.
    const server = process.env.DATABASE_URL ? await testDatabase() : null;
    const pgliteDir = path.join(path.dirname(tempFile("x")), "pglite");
    try {
      const lines = ["地区,年度,层级,参赛单位,书记,得分"];
      for (let i = 0; i < ROWS; i++) lines.push(`乌拉特后旗,2020,嘎查村,村${i},某,${60 + (i % 40)}`);
      const file = csv("big.csv", lines);
      const env: NodeJS.ProcessEnv = { ...process.env };
      if (server) env.DATABASE_URL = urlOf(server.name);
      else {
        delete env.DATABASE_URL;
        env.PGLITE_DIR = pgliteDir;
        // Migrated beforehand, so the kill lands in the import rather than in the set-up.
        const setUp = await connect({ pgliteDir });
        await prepareDatabase(setUp, { demo: false });
        await setUp.close();
      }
      const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/import.ts", "arena", file], {
        env,
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, server ? 3_000 : 6_000));
      // A fast machine may finish first; then everything must be there.
      const killed = child.exitCode === null && child.kill("SIGKILL");
      await exited;
      if (!server) fs.rmSync(`${pgliteDir}.lock`, { force: true });
      const check = server ?? (await connect({ pgliteDir }));
      try {
        const [state] = await rows<{ entries: number; batches: number }>(
          check.db,
          sql`select (select count(*)::int from arena_entries) as entries, (select count(*)::int from upload_batches) as batches`,
        );
        // All or nothing: either the import finished before the kill, or nothing of it is there.
        expect(
          killed
            ? [
                { entries: 0, batches: 0 },
                { entries: ROWS, batches: 1 },
              ]
            : [{ entries: ROWS, batches: 1 }],
        ).toContainEqual(state);
      } finally {
        if (!server) await check.close();
      }
    } finally {
      await server?.close();
    }
  });
});

function urlOf(name: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}
