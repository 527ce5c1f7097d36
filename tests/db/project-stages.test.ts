import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { getProjectStats } from "@/db/queries/project-stats";
import { rows } from "@/db/queries/sql";
import { operator } from "@/lib/auth/operator";
import { projectStages } from "@/lib/contract";
import { runImport } from "@/server/import/pipeline";
import { testDatabase } from "../helpers/db";
import { tempFile } from "../helpers/xlsx";

/**
 * projects.stage_reached (migration 0007) is the stage history in one array, kept by triggers in
 * the writing transaction; the funnel reads it. Both must agree with project_stage_events.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
/** The command line (the source these uploads name), which publishes at once whatever period is open. */
const cli = operator();
const staff = { role: "viewer" as const, regionCode: "150000" };

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

/** Projects whose stage_reached differs from a fresh read of their history. */
async function drift(): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from projects p
        where p.stage_reached is distinct from (
          select case when count(e.id) = 0 then null else array_agg(e.reached_on order by st.k) end
          from unnest(enum_range(null::project_stage)) with ordinality as st(stage, k)
          left join project_stage_events e on e.project_id = p.id and e.stage = st.stage)`,
  );
  return row.n;
}

function csv(name: string, lines: string[]): string {
  const file = tempFile(name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const upload = (file: string) =>
  runImport(db(), cli, {
    dataset: "projects",
    filePath: file,
    fileName: path.basename(file),
    dryRun: false,
    locale: "zh-CN",
    source: "cli",
  });

describe("project stage history in one array", () => {
  it("equals the history after the demo seed", async () => {
    const [{ n }] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from projects where stage_reached is not null`,
    );
    expect(n).toBeGreaterThan(100);
    expect(await drift()).toBe(0);
  });

  it.each([
    ["150000", 2023, "2023-12-31"],
    ["150800", 2023, "2023-09-30"],
    ["150825", undefined, "2024-06-30"],
    ["150800", 2022, undefined],
  ])("gives %s (%s, as of %s) the funnel the history gives", async (region, year, asOf) => {
    const period = year ? { kind: "year" as const, year } : undefined;
    const stats = await getProjectStats(db(), staff, { region, period, asOf });
    const day = stats?.asOf as string;
    const reference = await rows<{ stage: string; projects: number }>(
      db(),
      sql`select e.stage::text, count(*)::int as projects
          from project_stage_events e join projects p on p.id = e.project_id join regions r on r.code = p.region_code
          where r.ancestors @> array[${region}]::text[] and p.taken_on <= ${day} and e.reached_on <= ${day}
            ${year ? sql`and p.taken_on >= ${`${year}-01-01`} and p.taken_on < ${`${year + 1}-01-01`}` : sql``}
          group by e.stage`,
    );
    expect(reference.length).toBeGreaterThan(0);
    expect(stats?.funnel).toEqual(
      projectStages.map((stage) => ({ stage, projects: reference.find((r) => r.stage === stage)?.projects ?? 0 })),
    );
  });

  it("follows an upload, a later stage for the same project, and both undone", async () => {
    const header = "项目编号,项目名称,地区,产业链,揭榜干部,干部单位,揭榜日期,阶段,计划投资（万元）,到位资金（万元）";
    const first = await upload(
      csv("stages-1.csv", [header, "T-STAGE,测试项目,乌拉特后旗,化工新材料,王五,工信局,2023/8/15,已对接,100,10"]),
    );
    expect(first).toMatchObject({ ok: true, inserted: 1 });
    expect(await drift()).toBe(0);
    const [one] = await rows<{ reached: string[] }>(
      db(),
      sql`select stage_reached::text[] as reached from projects where code = 'T-STAGE'`,
    );
    // The first stage on the day it was taken; one reached later, on the day it was reported.
    expect(one.reached[0]).toBe("2023-08-15");
    expect(one.reached[1]).not.toBeNull();
    expect(one.reached.slice(2).every((d) => d === null)).toBe(true);

    const second = await upload(
      csv("stages-2.csv", [header, "T-STAGE,测试项目,乌拉特后旗,化工新材料,王五,工信局,2023/8/15,已立项,100,10"]),
    );
    expect(second).toMatchObject({ ok: true, updated: 1 });
    expect(await drift()).toBe(0);

    await undoBatch(db(), cli, second.batchId as number);
    expect(await drift()).toBe(0);
    await undoBatch(db(), cli, first.batchId as number);
    expect(await drift()).toBe(0);
    const [{ n }] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from projects where code = 'T-STAGE'`,
    );
    expect(n).toBe(0);
  });
});
