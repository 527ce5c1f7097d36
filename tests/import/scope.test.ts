import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { getBatch, listBatches } from "@/db/queries/uploads";
import type { Viewer } from "@/lib/auth/permissions";
import { type ImportOptions, runImport } from "@/server/import/pipeline";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";
import { tempFile } from "../helpers/xlsx";

/**
 * Uploads never reach across regions: a row whose natural key already belongs to a region outside
 * the caller's scope is an error that names nothing of the stored record; a batch's history and
 * undo belong to whoever may write every region the batch touched; nothing a preview, an error or
 * a batch page shows is more than the caller could read through the read API.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const wuhouClerk = person("wuhou-clerk", "clerk", "150825");
const bayannurClerk = person("bayannur-clerk", "clerk", "150800");
const ordosClerk = person("ordos-clerk", "clerk", "150600");
const rootClerk = person("root-clerk", "clerk", "150000");
/** An administrator whose home region is a banner: admins write anywhere, whatever their home. */
const bannerAdmin = person("banner-admin", "admin", "150825");

const PROJECT_HEADER =
  "项目编号,项目名称,地区,产业链,揭榜干部,干部单位,揭榜日期,阶段,计划投资（万元）,到位资金（万元）";
const HIDDEN = ["鄂尔多斯干部甲", "鄂尔多斯某局", "鄂尔多斯秘密项目"];

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  await db().execute(sql`insert into projects (code, name, region_code, lead_cadre, cadre_unit, taken_on, stage)
    values ('JB-150600-2021-001', '鄂尔多斯秘密项目', '150600', '鄂尔多斯干部甲', '鄂尔多斯某局', '2021-03-01', '已签约'),
           ('JB-150802-2022-001', '临河项目', '150802', '临河干部', '临河某局', '2022-03-01', '已揭榜')`);
});

afterAll(async () => {
  await database?.close();
});

function csv(lines: string[]): string {
  const file = tempFile("scope.csv");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const run = (actor: Viewer, filePath: string, options: Partial<ImportOptions> = {}) =>
  runImport(db(), actor, {
    dataset: "projects",
    filePath,
    fileName: path.basename(filePath),
    dryRun: false,
    locale: "zh-CN",
    source: "api",
    ...options,
  });

async function project(code: string) {
  const [row] = await rows<{ region_code: string; name: string; lead_cadre: string }>(
    db(),
    sql`select region_code, name, lead_cadre from projects where code = ${code}`,
  );
  return row;
}
const batchCount = async () =>
  (await rows<{ n: number }>(db(), sql`select count(*)::int as n from upload_batches`))[0].n;

describe("a project code of another region", () => {
  const file = () =>
    csv([
      PROJECT_HEADER,
      "JB-150600-2021-001,x,乌拉特后旗,,某人,,2023-05-01,已揭榜,,",
      "T-OWN-1,自己的项目,乌拉特后旗,,本旗干部,,2023-05-01,已揭榜,,",
    ]);

  it("is an error on its row in a dry run, naming nothing of the stored project", async () => {
    const report = await run(wuhouClerk, file(), { dryRun: true });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      {
        row: 2,
        column: "项目编号",
        value: "JB-150600-2021-001",
        message: "项目编号 JB-150600-2021-001 已属于其他地区，不能修改。",
      },
    ]);
    expect(report.preview).toEqual([]);
    const answer = JSON.stringify(report);
    // Not even the region it belongs to (the code the clerk wrote may of course appear).
    for (const hidden of [...HIDDEN, "鄂尔多斯"]) expect(answer).not.toContain(hidden);
  });

  it("committed, changes nothing and writes no batch", async () => {
    const batches = await batchCount();
    const report = await run(wuhouClerk, file());
    expect(report.ok).toBe(false);
    expect(await project("JB-150600-2021-001")).toEqual({
      region_code: "150600",
      name: "鄂尔多斯秘密项目",
      lead_cadre: "鄂尔多斯干部甲",
    });
    expect(await project("T-OWN-1")).toBeUndefined();
    expect(await batchCount()).toBe(batches);
  });

  it("is refused to a clerk whose scope holds the new region but not the old one", async () => {
    const report = await run(
      wuhouClerk,
      csv([PROJECT_HEADER, "JB-150802-2022-001,临河项目,乌拉特后旗,,临河干部,临河某局,2022-03-01,已揭榜,,"]),
    );
    expect(report.errors.map((e) => e.message)).toEqual(["项目编号 JB-150802-2022-001 已属于其他地区，不能修改。"]);
    expect((await project("JB-150802-2022-001")).region_code).toBe("150802");
  });
});

describe("moving a project to another region", () => {
  it("is allowed to a clerk whose scope holds both regions, and the preview shows the move", async () => {
    const moveFile = csv([
      PROJECT_HEADER,
      "JB-150802-2022-001,临河项目,乌拉特后旗,,临河干部,临河某局,2022-03-01,已揭榜,,",
    ]);
    const preview = await run(bayannurClerk, moveFile, { dryRun: true });
    expect(preview).toMatchObject({ ok: true, updated: 1 });
    expect(preview.preview[0]).toMatchObject({
      row: 2,
      before: { region_code: "150802" },
      after: { region_code: "150825" },
    });
    expect(preview.warnings).toEqual([{ row: 2, message: "项目 JB-150802-2022-001 将从临河区移到乌拉特后旗。" }]);

    const report = await run(bayannurClerk, moveFile);
    expect(report.ok).toBe(true);
    expect((await project("JB-150802-2022-001")).region_code).toBe("150825");
    const [batch] = await rows<{ regions: string[] }>(
      db(),
      sql`select regions from upload_batches where id = ${report.batchId}`,
    );
    // The batch touched both the region the project left and the one it went to.
    expect(batch.regions).toEqual(["150802", "150825"]);
    // So the 乌拉特后旗 clerk, who may not write 临河区, neither sees nor undoes it.
    await expect(getBatch(db(), wuhouClerk, report.batchId as number, { page: 1 })).rejects.toMatchObject({
      status: 404,
    });
    await undoBatch(db(), bayannurClerk, report.batchId as number);
    expect((await project("JB-150802-2022-001")).region_code).toBe("150802");
  });

  it("by an administrator homed in a banner: the batch belongs to the regions it touched, not to the admin's home", async () => {
    const report = await run(
      bannerAdmin,
      csv([
        PROJECT_HEADER,
        "JB-150600-2021-001,鄂尔多斯秘密项目,乌拉特后旗,,鄂尔多斯干部甲,鄂尔多斯某局,2021-03-01,已签约,,",
      ]),
    );
    expect(report.ok).toBe(true);
    const id = report.batchId as number;
    for (const outsider of [wuhouClerk, ordosClerk, bayannurClerk]) {
      await expect(getBatch(db(), outsider, id, { page: 1 })).rejects.toMatchObject({ status: 404 });
      await expect(undoBatch(db(), outsider, id)).rejects.toMatchObject({ status: 404 });
      const list = await listBatches(db(), outsider, { page: 1 });
      expect(list.rows.map((b) => b.id)).not.toContain(id);
    }
    // A clerk of the autonomous region may write both: history and undo are theirs too.
    const seen = await getBatch(db(), rootClerk, id, { page: 1 });
    expect(seen.rows).toHaveLength(1);
    await undoBatch(db(), rootClerk, id);
    expect((await project("JB-150600-2021-001")).region_code).toBe("150600");
  });
});

describe("batch visibility follows the rows, not the uploader's home region", () => {
  it("a 东胜区 row uploaded by an admin homed in 乌拉特后旗 is not the banner clerk's to see or undo", async () => {
    const report = await run(bannerAdmin, csv(["地区,年度,季度,领域,人数", "东胜区,2022,2,乡村振兴,6"]), {
      dataset: "promotions",
    });
    expect(report.ok).toBe(true);
    const id = report.batchId as number;
    await expect(getBatch(db(), wuhouClerk, id, { page: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(undoBatch(db(), wuhouClerk, id)).rejects.toMatchObject({ status: 404 });
    expect((await listBatches(db(), wuhouClerk, { page: 1 })).rows.map((b) => b.id)).not.toContain(id);
    // 东胜区 lies in 鄂尔多斯市: its clerk may write it, so the batch is theirs to see and undo.
    expect((await listBatches(db(), ordosClerk, { page: 1 })).rows.map((b) => b.id)).toContain(id);
    await undoBatch(db(), ordosClerk, id);
  });

  it("a missing batch and another region's batch get the same answer", async () => {
    const report = await run(bannerAdmin, csv(["地区,年度,季度,领域,人数", "东胜区,2022,3,乡村振兴,6"]), {
      dataset: "promotions",
    });
    const foreign = await getBatch(db(), wuhouClerk, report.batchId as number, { page: 1 }).catch((e) => e);
    const missing = await getBatch(db(), wuhouClerk, 999_999, { page: 1 }).catch((e) => e);
    expect([foreign.status, foreign.reason]).toEqual([missing.status, missing.reason]);
    const undoForeign = await undoBatch(db(), wuhouClerk, report.batchId as number).catch((e) => e);
    const undoMissing = await undoBatch(db(), wuhouClerk, 999_999).catch((e) => e);
    expect([undoForeign.status, undoForeign.reason]).toEqual([undoMissing.status, undoMissing.reason]);
    expect(undoMissing.status).toBe(404);
  });

  it("a batch page blanks the names of a row that has since moved outside the caller's name scope", async () => {
    const mine = await run(
      wuhouClerk,
      csv([PROJECT_HEADER, "T-MOVED,本旗项目,乌拉特后旗,,本旗干部乙,本旗某局,2023-05-01,已揭榜,,"]),
    );
    // An administrator then moves it to 鄂尔多斯市 (a correction): the clerk's batch stays theirs,
    // but the project's names are no longer theirs to read.
    await run(
      bannerAdmin,
      csv([PROJECT_HEADER, "T-MOVED,本旗项目,鄂尔多斯市,,鄂尔多斯干部丙,鄂尔多斯某处,2023-05-01,已揭榜,,"]),
    );
    const page = await getBatch(db(), wuhouClerk, mine.batchId as number, { page: 1 });
    expect(page.rows).toHaveLength(1);
    const text = JSON.stringify(page);
    expect(text).not.toContain("鄂尔多斯干部丙");
    expect(text).not.toContain("鄂尔多斯某处");
    expect(page.rows[0].current).toMatchObject({ code: "T-MOVED", lead_cadre: null, cadre_unit: null });
  });
});

describe("every error in the first report", () => {
  it("lists duplicate keys beside the other errors", async () => {
    const report = await run(
      wuhouClerk,
      csv([
        "地区,年度,季度,领域,人数",
        "乌拉特后旗,2020,2,乡村振兴,1",
        "乌拉特后旗,2020,2,乡村振兴,2",
        "乌拉特后旗,2020,2,非一线,-3",
      ]),
      { dataset: "promotions" },
    );
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "地区、年度、季度、领域"],
      [4, "人数"],
    ]);
  });
});

describe("league and banner columns", () => {
  it("accept a blank league where the banner alone is unambiguous, by name or code", async () => {
    const report = await run(
      wuhouClerk,
      csv([
        "盟市,旗县区,年度,季度,领域,人数",
        ",乌拉特后旗,2020,3,乡村振兴,1",
        ",150825,2020,3,非一线,2",
        ",乌后旗,2020,3,基层治理,3",
      ]),
      { dataset: "promotions", dryRun: true },
    );
    expect(report).toMatchObject({ ok: true, inserted: 3, errors: [] });
  });

  it("name the banner column when a banner alone is unknown", async () => {
    const report = await run(wuhouClerk, csv(["盟市,旗县区,年度,季度,领域,人数", ",乌拉特后后旗,2020,3,乡村振兴,1"]), {
      dataset: "promotions",
      dryRun: true,
    });
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, "旗县区", "乌拉特后后旗"]]);
  });
});

describe("the audit log", () => {
  it("records refused uploads and dry runs, not only commits", async () => {
    const refused = await run(wuhouClerk, csv(["地区,年度,季度,领域,人数", "临河区,2020,4,乡村振兴,1"]), {
      dataset: "promotions",
    });
    const checked = await run(wuhouClerk, csv(["地区,年度,季度,领域,人数", "乌拉特后旗,2020,4,乡村振兴,1"]), {
      dataset: "promotions",
      dryRun: true,
    });
    const entries = await rows<{ action: string; actor: string; detail: Record<string, unknown> }>(
      db(),
      sql`select action, actor, detail from audit_log where action in ('upload.refused', 'upload.dry_run') order by id desc limit 2`,
    );
    expect(entries.map((e) => e.action)).toEqual(["upload.dry_run", "upload.refused"]);
    expect(entries[1]).toMatchObject({
      actor: "wuhou-clerk",
      detail: { dataset: "promotions", fileHash: refused.fileHash, errorCount: 1, dryRun: false },
    });
    expect(entries[0].detail).toMatchObject({ fileHash: checked.fileHash, inserted: 1 });
  });
});

describe("batches committed before batches recorded their regions", () => {
  it("get them from the migration: the regions their rows are in, and were in before", async () => {
    const recorded = await rows<{ id: number; regions: string[] }>(
      db(),
      sql`select id, regions from upload_batches where status = 'committed' order by id`,
    );
    expect(recorded.length).toBeGreaterThan(0);
    const migration = fs.readFileSync(path.join("drizzle", "0008_upload_batch_regions.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint")[1];
    await db().execute(sql`update upload_batches set regions = '{}'`);
    await db().execute(sql.raw(backfill));
    const migrated = await rows<{ id: number; regions: string[] }>(
      db(),
      sql`select id, regions from upload_batches where status = 'committed' order by id`,
    );
    expect(migrated).toEqual(recorded);
  });
});
