import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { dataVersion } from "@/db/queries/meta";
import { getScreen } from "@/db/queries/screen";
import { screenSlides } from "@/lib/api/screen";
import { operator } from "@/lib/auth/operator";
import type { Principal } from "@/lib/auth/permissions";
import { runImport } from "@/server/import/pipeline";
import { testDatabase } from "../helpers/db";
import { tempFile } from "../helpers/xlsx";

/**
 * The wall screen's data: the version it polls moves with every publication and undo, and the
 * answer holds each slide's figures as the rankings count them.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const cli = operator();
const display: Principal = { role: "display", regionCode: "150000" };

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

async function commit(lines: string[]) {
  const file = tempFile("screen.csv");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  const report = await runImport(db(), cli, {
    dataset: "promotions",
    filePath: file,
    fileName: path.basename(file),
    dryRun: false,
    locale: "zh-CN",
    source: "cli",
  });
  expect(report).toMatchObject({ ok: true, errors: [] });
  return report.batchId as number;
}

describe("the data version", () => {
  it("changes with each publication and each undo, and not otherwise", async () => {
    const empty = await dataVersion(db());
    expect(await dataVersion(db())).toBe(empty);
    const batch = await commit(["地区,年度,季度,领域,人数", "乌拉特后旗,2023,1,乡村振兴,5"]);
    const committed = await dataVersion(db());
    expect(committed).not.toBe(empty);
    await undoBatch(db(), cli, batch);
    const undone = await dataVersion(db());
    expect(undone).not.toBe(committed);
    expect(await dataVersion(db())).toBe(undone);
  });
});

describe("the screen's answer", () => {
  it("has every slide, the figures the rankings count, and the version it was read at", async () => {
    await commit(["地区,年度,季度,领域,人数", "乌拉特后旗,2024,1,乡村振兴,7", "临河区,2024,1,非一线,3"]);
    const screen = await getScreen(db(), display, { region: "150800" });
    expect(screen?.slides.map((s) => s.key)).toEqual([...screenSlides]);
    const promotions = screen?.slides.find((s) => s.key === "promotions");
    expect(promotions?.figures).toEqual([
      { metric: "frontline", value: 7 },
      { metric: "frontlineShare", value: 0.7 },
      { metric: "promotions", value: 10 },
    ]);
    expect(promotions?.ranking.rows.find((r) => r.code === "150825")?.rank).toBe(1);
    expect(screen?.version).toBe(await dataVersion(db()));
    expect(await getScreen(db(), display, { region: "159999" })).toBeNull();
  });
});
