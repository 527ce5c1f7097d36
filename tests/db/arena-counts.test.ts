import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { getArenaBoard, LEADERBOARD_SIZE } from "@/db/queries/arena";
import { rows } from "@/db/queries/sql";
import { operator } from "@/lib/auth/operator";
import { arenaLevels } from "@/lib/contract";
import { runImport } from "@/server/import/pipeline";
import { testDatabase } from "../helpers/db";
import { tempFile } from "../helpers/xlsx";

/**
 * arena_counts (migration 0005) is kept by triggers in the writing transaction: after the seed,
 * an upload that adds, rescores and unscores entries, its undo, and plain SQL writes, it must
 * equal a fresh count of arena_entries, row for row.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
/** The command line (the source these uploads name), which publishes at once whatever period is open. */
const cli = operator();

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

/** Rows that differ between the rollup and a fresh count (both directions), and the total counted. */
async function drift() {
  const [row] = await rows<{ differ: number; counted: number }>(
    db(),
    sql`with fresh as (
          select region_code, year, level, arena_score_bucket(score) as bucket, count(*)::int as entries
          from arena_entries group by 1, 2, 3, 4
        ), kept as (select region_code, year, level, bucket, entries from arena_counts)
        select (select count(*)::int from ((select * from fresh except all select * from kept)
                 union all (select * from kept except all select * from fresh)) d) as differ,
               (select coalesce(sum(entries), 0)::int from kept) as counted`,
  );
  return row;
}

function csv(name: string, lines: string[]): string {
  const file = tempFile(name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("arena leaderboards", () => {
  // The board reads them in index order (per level, or per reporting region and level below the
  // leagues); the reference ranks every scored entry of the region and year.
  it.each([
    ["150000", 2023, 2023],
    ["150800", 2023, 2023],
    ["150825", 2023, 2023],
    ["150802", 2022, 2022],
    ["150926", 2021, 2021],
    ["150000", 2021, 2024],
    ["150825", 2022, 2023],
  ])("for %s in %i–%i equal a full ranking of the region's entries", async (region, from, to) => {
    const period = from === to ? { kind: "year" as const, year: from } : { kind: "range" as const, from, to };
    const board = await getArenaBoard(db(), { role: "viewer", regionCode: "150800" }, { region, period });
    const reference = await rows<{
      level: string;
      position: number;
      organisation: string;
      regionCode: string;
      score: number;
    }>(
      db(),
      sql`select * from (
            select a.level::text, (rank() over (partition by a.level order by a.score desc))::int as position,
                   a.organisation, a.region_code as "regionCode", a.score::float8 as score,
                   row_number() over (partition by a.level order by a.score desc, a.organisation, a.region_code, a.year) as n
            from arena_entries a join regions r on r.code = a.region_code
            where r.ancestors @> array[${region}]::text[] and a.year between ${from} and ${to} and a.score is not null
          ) t where n <= ${LEADERBOARD_SIZE} order by level, n`,
    );
    expect(reference.length).toBeGreaterThan(0);
    const got = arenaLevels.flatMap((level) =>
      (board?.leaderboards[level] ?? []).map(({ position, organisation, regionCode, score }) => ({
        level,
        position,
        organisation,
        regionCode,
        score,
      })),
    );
    const expected = arenaLevels.flatMap((level) =>
      reference
        .filter((r) => r.level === level)
        .map(({ level, position, organisation, regionCode, score }) => ({
          level,
          position,
          organisation,
          regionCode,
          score,
        })),
    );
    expect(got).toEqual(expected);
  });
});

describe("arena_counts", () => {
  it("equals a fresh count after the demo seed", async () => {
    const [{ n }] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from arena_entries`);
    expect(n).toBeGreaterThan(1000);
    expect(await drift()).toEqual({ differ: 0, counted: n });
  });

  it("follows an upload that adds, rescores and unscores entries, and its undo", async () => {
    const existing = await rows<{ level: string; organisation: string; score: number | null }>(
      db(),
      sql`select level::text, organisation, score::float8 as score from arena_entries
          where region_code = '150825' and year = 2023 and score is not null order by organisation limit 2`,
    );
    expect(existing).toHaveLength(2);
    const before = await drift();
    const file = csv("arena-counts.csv", [
      "地区,年度,层级,参赛单位,书记,得分",
      // A new bucket for the first (below 60 or from 95 up), no score for the second, two new entries.
      `乌拉特后旗,2023,${existing[0].level},${existing[0].organisation},,${(existing[0].score ?? 0) >= 60 ? 41.5 : 97}`,
      `乌拉特后旗,2023,${existing[1].level},${existing[1].organisation},,`,
      "乌拉特后旗,2023,嘎查村,测试新嘎查甲,,88",
      "乌拉特后旗,2019,社区,测试新社区乙,,",
    ]);
    const report = await runImport(db(), cli, {
      dataset: "arena",
      filePath: file,
      fileName: path.basename(file),
      dryRun: false,
      locale: "zh-CN",
      source: "cli",
    });
    expect(report).toMatchObject({ ok: true, inserted: 2, updated: 2, errors: [] });
    expect(await drift()).toEqual({ differ: 0, counted: before.counted + 2 });

    await undoBatch(db(), cli, report.batchId as number);
    expect(await drift()).toEqual({ differ: 0, counted: before.counted });
    // No count left at zero.
    const [{ zero }] = await rows<{ zero: number }>(
      db(),
      sql`select count(*)::int as zero from arena_counts where entries = 0`,
    );
    expect(zero).toBe(0);
  });

  it("follows plain SQL updates, deletes and truncate in one transaction each", async () => {
    await db().execute(sql`update arena_entries set score = null where region_code = '150800' and year = 2022`);
    await db().execute(sql`update arena_entries set year = 2020 where region_code = '150802' and year = 2021`);
    await db().execute(sql`delete from arena_entries where region_code = '150821'`);
    expect((await drift()).differ).toBe(0);
    await db().execute(sql`truncate arena_entries`);
    expect(await drift()).toEqual({ differ: 0, counted: 0 });
  });
});
