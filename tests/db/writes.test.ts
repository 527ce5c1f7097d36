import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCountFigure } from "@/db/mutations/figures";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { generateDemo } from "@/db/seed/demo";
import { RequestRefused } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { type Dataset, datasets } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import { runImport } from "@/server/import/pipeline";
import { testDatabase } from "../helpers/db";
import { wuhouClerk } from "../helpers/viewers";
import { tempFile } from "../helpers/xlsx";

/**
 * Every write of a dataset goes through db/mutations/datasets.ts, driven by the dataset's definition
 * (lib/datasets.ts): the definition's types are the tables', the figure form stores a row as an
 * upload of it does, and the demo's batches are recorded, and undone, as an upload's are.
 */
type Database = Awaited<ReturnType<typeof testDatabase>>;

const clerk = wuhouClerk;
const admin: Viewer = { ...clerk, id: "admin-1", username: "admin", role: "admin", regionCode: "150000" };

describe("without the demo", () => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: false });
  });

  afterAll(async () => {
    await database?.close();
  });

  const upload = (dataset: Dataset, lines: string[]) => {
    const file = tempFile(`${dataset}.csv`);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    return runImport(db(), clerk, {
      dataset,
      filePath: file,
      fileName: `${dataset}.csv`,
      dryRun: false,
      locale: "zh-CN",
      source: "cli",
    });
  };
  const stored = (table: string, where: ReturnType<typeof sql>) =>
    rows<{ row: Record<string, unknown> }>(
      db(),
      sql`select to_jsonb(t) - 'id' - 'updated_at' as row from ${sql.raw(table)} t where ${where}`,
    ).then((found) => found.map((r) => r.row));

  it("gives every column of a definition the exact type it has in its table", async () => {
    for (const id of datasets) {
      const spec = DATASETS[id];
      const types = await rows<{ name: string; type: string }>(
        db(),
        sql`select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
            where attrelid = ${spec.table}::regclass and attnum > 0 and not attisdropped`,
      );
      const inTable = Object.fromEntries(types.map((t) => [t.name, t.type]));
      const declared = Object.fromEntries(spec.columns.map((c) => [c.db, c.type]));
      expect(declared, id).toEqual(Object.fromEntries(spec.columns.map((c) => [c.db, inTable[c.db]])));
      expect(inTable.region_code, id).toBe("text");
    }
  });

  it("stores a figure entered by hand as the same row an upload of it stores", async () => {
    const key = sql`region_code = '150825' and year = 2023 and quarter = 1 and field = '乡村振兴'`;
    const first = await upload("promotions", ["地区,年度,季度,领域,人数", "乌拉特后旗,2023,1,乡村振兴,3"]);
    expect(first).toMatchObject({ ok: true, inserted: 1 });
    const uploaded = await stored("promotions", key);

    await writeCountFigure(db(), clerk, {
      dataset: "promotions",
      region: "150825",
      year: 2023,
      quarter: 1,
      key: "乡村振兴",
      count: 3,
    });
    // The same values; the row now belongs to no batch.
    expect(await stored("promotions", key)).toEqual([{ ...uploaded[0], batch_id: null }]);
    // And an upload of the same row sees nothing to change.
    const again = await upload("promotions", ["地区,年度,季度,领域,人数", "乌拉特后旗,2023,1,乡村振兴,3"]);
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 1, batchId: null });
    // Undoing the upload would take back a figure a person has confirmed since: refused.
    await expect(undoBatch(db(), clerk, first.batchId as number)).rejects.toBeInstanceOf(RequestRefused);
  });

  it("stores an upload of a row entered by hand as the same row", async () => {
    const key = sql`region_code = '150825' and year = 2023 and quarter = 2 and type = '免职'`;
    await writeCountFigure(db(), clerk, {
      dataset: "adjustments",
      region: "150825",
      year: 2023,
      quarter: 2,
      key: "免职",
      count: 2,
    });
    const entered = await stored("adjustments", key);
    expect(entered).toEqual([
      { region_code: "150825", year: 2023, quarter: 2, type: "免职", count: 2, batch_id: null },
    ]);
    const same = await upload("adjustments", ["地区,年度,季度,类型,人数", "乌拉特后旗,2023,2,免职,2"]);
    expect(same).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 1 });
    const changed = await upload("adjustments", ["地区,年度,季度,类型,人数", "乌拉特后旗,2023,2,免职,4"]);
    expect(changed).toMatchObject({ ok: true, updated: 1 });
    expect(await stored("adjustments", key)).toEqual([{ ...entered[0], count: 4, batch_id: changed.batchId }]);
  });
});

describe("the demo", () => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: true });
  });

  afterAll(async () => {
    await database?.close();
  });

  const count = async (table: string) =>
    (await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

  it("records what each of its batches inserted, as an upload does", async () => {
    const batches = await rows<{ id: number; dataset: Dataset; rows: number; inserted: number }>(
      db(),
      sql`select id, dataset, rows, inserted from upload_batches where source = 'demo' order by id`,
    );
    expect(batches.map((b) => b.dataset)).toEqual([...datasets]);
    for (const batch of batches) {
      const table = DATASETS[batch.dataset].table;
      const [recorded] = await rows<{ n: number; mine: number }>(
        db(),
        sql`select count(*)::int as n, count(*) filter (where t.batch_id = ${batch.id})::int as mine
            from batch_rows b join ${sql.raw(table)} t on t.id = b.row_id
            where b.batch_id = ${batch.id} and b.target = ${table} and b.op = 'insert'`,
      );
      expect(recorded, batch.dataset).toEqual({ n: batch.rows, mine: batch.rows });
      expect(await count(table), batch.dataset).toBe(batch.inserted);
    }
  });

  it("keeps the stage history it generates, each day as generated", async () => {
    const generated = generateDemo()
      .projects.flatMap((p) => p.events.map((e) => `${p.code} ${e.stage} ${e.reachedOn}`))
      .sort();
    const events = await rows<{ event: string }>(
      db(),
      sql`select p.code || ' ' || e.stage || ' ' || e.reached_on::text as event
          from project_stage_events e join projects p on p.id = e.project_id`,
    );
    expect(events.map((e) => e.event).sort()).toEqual(generated);
  });

  it("undoes each of its batches as an upload's, its stage history too", async () => {
    const batches = await rows<{ id: number; dataset: Dataset; rows: number }>(
      db(),
      sql`select id, dataset, rows from upload_batches where source = 'demo' order by id desc`,
    );
    for (const batch of batches) {
      expect(await undoBatch(db(), admin, batch.id)).toEqual({ batchId: batch.id, deleted: batch.rows, restored: 0 });
      expect(await count(DATASETS[batch.dataset].table), batch.dataset).toBe(0);
    }
    expect(await count("project_stage_events")).toBe(0);
    expect(await count("arena_counts")).toBe(0);
  });
});
