import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naturalKey } from "@/db/mutations/datasets";
import { rows } from "@/db/queries/sql";
import { adjustments, arenaEntries, indicators, projects, promotions } from "@/db/schema";
import { loadReferenceRegions } from "@/db/seed/reference";
import { DATASETS } from "@/lib/datasets";
import { refusal, testDatabase } from "../helpers/db";

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await loadReferenceRegions(database.db);
});

afterAll(async () => {
  await database?.close();
});

const promotion = { regionCode: "150825", year: 2023, quarter: 3, field: "乡村振兴" as const, count: 4 };

describe("the database itself refuses bad figures", () => {
  it("a negative count", async () => {
    expect(await refusal(database.db.insert(promotions).values({ ...promotion, count: -1 }))).toMatch(
      /promotions_count_non_negative/,
    );
    expect(await refusal(database.db.insert(adjustments).values({ ...promotion, type: "免职", count: -2 }))).toMatch(
      /adjustments_count_non_negative/,
    );
  });

  it("an unknown region", async () => {
    expect(await refusal(database.db.insert(promotions).values({ ...promotion, regionCode: "159999" }))).toMatch(
      /foreign key/,
    );
  });

  it("a duplicate natural key", async () => {
    await database.db.insert(promotions).values(promotion);
    expect(await refusal(database.db.insert(promotions).values({ ...promotion, count: 9 }))).toMatch(
      /promotions_natural_key/,
    );
    const arena = { regionCode: "150825", year: 2023, level: "嘎查村" as const, organisation: "巴音宝力格嘎查" };
    await database.db.insert(arenaEntries).values(arena);
    expect(await refusal(database.db.insert(arenaEntries).values(arena))).toMatch(/arena_entries_natural_key/);
    const project = {
      code: "JB-1",
      name: "项目",
      regionCode: "150825",
      leadCadre: "某",
      takenOn: "2023-01-01",
      stage: "已揭榜" as const,
    };
    await database.db.insert(projects).values(project);
    expect(await refusal(database.db.insert(projects).values(project))).toMatch(/projects_natural_key/);
  });

  it("every dataset's natural key is one unique constraint on exactly its key, blanks equal where the key may be blank", async () => {
    // A write's insert names this constraint as its arbiter (db/mutations/datasets.ts writeStaged).
    for (const spec of Object.values(DATASETS)) {
      const [found] = await rows<{ columns: string[]; nullsNotDistinct: boolean }>(
        database.db,
        sql`select array_agg(a.attname order by k.n)::text[] as columns, i.indnullsnotdistinct as "nullsNotDistinct"
            from pg_constraint c join pg_index i on i.indexrelid = c.conindid
              cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
            where c.conname = ${naturalKey(spec)} and c.contype = 'u' and c.conrelid = ${spec.table}::regclass
            group by i.indnullsnotdistinct`,
      );
      const blankable = spec.key.some((k) => spec.columns.find((c) => c.db === k)?.required === false);
      expect(found, spec.id).toEqual({ columns: spec.key, nullsNotDistinct: blankable });
    }
  });

  it("a duplicate whole-year indicator (quarter left blank)", async () => {
    const indicator = {
      regionCode: "150926",
      year: 2023,
      quarter: null,
      indicator: "道路养护里程",
      value: 236.5,
      unit: "公里",
    };
    await database.db.insert(indicators).values(indicator);
    expect(await refusal(database.db.insert(indicators).values({ ...indicator, value: 1 }))).toMatch(
      /indicators_natural_key/,
    );
  });

  it("a score outside 0–100, a quarter outside 1–4, a year out of range", async () => {
    const entry = { regionCode: "150825", year: 2023, level: "社区" as const, organisation: "某社区" };
    expect(await refusal(database.db.insert(arenaEntries).values({ ...entry, score: 100.5 }))).toMatch(
      /arena_entries_score_range/,
    );
    expect(await refusal(database.db.insert(promotions).values({ ...promotion, quarter: 5 }))).toMatch(
      /promotions_quarter_range/,
    );
    expect(await refusal(database.db.insert(promotions).values({ ...promotion, year: 1900 }))).toMatch(
      /promotions_year_range/,
    );
  });

  it("a value outside an enumeration", async () => {
    expect(
      await refusal(
        database.db.execute(
          sql`insert into promotions (region_code, year, quarter, field, count) values ('150825', 2023, 1, '一线', 1)`,
        ),
      ),
    ).toMatch(/invalid input value for enum promotion_field/);
  });
});
