import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { dataAsOf } from "@/db/queries/meta";
import { getOverview } from "@/db/queries/overview";
import { getProjectStats } from "@/db/queries/project-stats";
import { rows } from "@/db/queries/sql";
import { getSummary } from "@/db/queries/summary";
import { SOURCE } from "@/db/seed/demo";
import { testDatabase } from "../helpers/db";

const staff = { role: "viewer" as const, regionCode: "150000" };
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
});

afterAll(async () => {
  await database?.close();
});

const BAYANNUR_AND_BANNERS = sql`(select code from regions where ancestors @> array['150800']::text[])`;

describe("reference regions", () => {
  it("loads 12 leagues and 103 banners under the autonomous region, with their abbreviations", async () => {
    const counts = await rows<{ level: string; n: number }>(
      database.db,
      sql`select level, count(*)::int as n from regions group by level order by level`,
    );
    expect(Object.fromEntries(counts.map((c) => [c.level, c.n]))).toMatchObject({
      autonomous_region: 1,
      prefecture: 12,
      county: 103,
      functional_zone: 5,
      township: 1225,
    });
    const [chayouqian] = await rows<{ code: string; parent: string }>(
      database.db,
      sql`select code, parent_code as parent from regions where '察右前旗' = any(aliases)`,
    );
    expect(chayouqian).toEqual({ code: "150926", parent: "150900" });
  });

  it("does not duplicate anything when prepared again", async () => {
    const again = await prepareDatabase(database, { demo: true });
    expect(again).toEqual({ regionsAdded: 0, demoLoaded: false });
  });
});

describe("demo data for Bayannur 2023, summed over the city and its banners", () => {
  it("gives 90 frontline promotions of 115 (78.3%)", async () => {
    const [p] = await rows<{ frontline: number; total: number }>(
      database.db,
      sql`select sum(count) filter (where field <> '非一线')::int as frontline, sum(count)::int as total
          from promotions where year = 2023 and region_code in ${BAYANNUR_AND_BANNERS}`,
    );
    expect(p).toEqual({ frontline: 90, total: 115 });
    expect((p.frontline / p.total) * 100).toBeCloseTo(78.3, 1);
  });

  it("gives arena entries 9 / 77 / 74 / 17 / 140 / 652 by level", async () => {
    const byLevel = await rows<{ level: string; n: number }>(
      database.db,
      sql`select level, count(*)::int as n from arena_entries
          where year = 2023 and region_code in ${BAYANNUR_AND_BANNERS} group by level`,
    );
    expect(Object.fromEntries(byLevel.map((r) => [r.level, r.n]))).toEqual({
      旗县区: 9,
      市直部门: 77,
      苏木乡镇: 74,
      街道: 17,
      社区: 140,
      嘎查村: 652,
    });
  });

  it("gives 104 projects led by 96 cadres with over 1,400 万元 in place, the 科驰 project among them", async () => {
    const [p] = await rows<{ projects: number; cadres: number; funds: number }>(
      database.db,
      sql`select count(*)::int as projects, count(distinct (lead_cadre, cadre_unit))::int as cadres,
                 sum(funds_in_place)::float8 as funds
          from projects where taken_on between '2023-01-01' and '2023-12-31' and region_code in ${BAYANNUR_AND_BANNERS}`,
    );
    expect(p.projects).toBe(104);
    expect(p.cadres).toBe(96);
    expect(p.funds).toBeGreaterThanOrEqual(1400);
    const stages = await rows<{ name: string; region: string; stage: string; reached: string }>(
      database.db,
      sql`select p.name, p.region_code as region, e.stage::text as stage, e.reached_on::text as reached
          from projects p join project_stage_events e on e.project_id = p.id
          where p.code = ${SOURCE.kechiCode} order by e.reached_on`,
    );
    expect(stages[0]).toMatchObject({ name: "内蒙古科驰生物科技有限公司新型农药中间体项目", region: "150825" });
    expect(stages.find((s) => s.stage === "已签约")?.reached).toMatch(/^2023-08-/);
    expect(stages.at(-1)).toMatchObject({ stage: "已投产" });
    expect(stages.at(-1)?.reached).toMatch(/^2023-12-/);
  });

  it("has Saihan District dismiss or demote 6 cadres since 2022, some later reinstated", async () => {
    const [a] = await rows<{ down: number; back: number }>(
      database.db,
      sql`select sum(count) filter (where type in ('免职', '降职'))::int as down,
                 sum(count) filter (where type = '恢复任职')::int as back
          from adjustments where region_code = '150105' and year >= 2022`,
    );
    expect(a.down).toBe(6);
    expect(a.back).toBeGreaterThan(0);
  });

  it("holds the scorecard figures", async () => {
    const scorecard = await rows<{
      region: string;
      quarter: number | null;
      indicator: string;
      value: number;
      rank: number | null;
    }>(
      database.db,
      sql`select region_code as region, quarter, indicator, value::float8 as value, rank from indicators
          where year = 2023 and ((region_code = '150800' and quarter = 3) or region_code = '150926') and quarter is not distinct from quarter`,
    );
    const find = (region: string, indicator: string) =>
      scorecard.find((s) => s.region === region && s.indicator === indicator);
    expect(find("150800", "规模以上工业增加值增速")).toMatchObject({ value: 12, rank: 3 });
    expect(find("150800", "解决房地产领域问题住房")?.value).toBe(2800);
    expect(find("150800", "打通城区断头路")?.value).toBe(13);
    expect(find("150926", "道路提质改造投入资金")).toMatchObject({ value: 873, quarter: null });
    expect(find("150926", "道路提质改造里程")?.value).toBe(19.5);
    expect(find("150926", "村道硬化项目")?.value).toBe(6);
    expect(find("150926", "村道硬化里程")?.value).toBe(12.7);
    expect(find("150926", "道路养护工程项目")?.value).toBe(24);
    expect(find("150926", "道路养护里程")?.value).toBe(236.5);
  });

  it("is what GET /api/summary's query reports for Bayannur 2023", async () => {
    const summary = await getSummary(database.db, staff, { region: "150800", year: 2023 });
    expect(summary?.promotions).toMatchObject({ frontline: 90, total: 115 });
    expect(summary?.promotions.share).toBeCloseTo(0.783, 3);
    expect(summary?.arena.byLevel).toEqual({ 旗县区: 9, 市直部门: 77, 苏木乡镇: 74, 街道: 17, 社区: 140, 嘎查村: 652 });
    expect(summary?.projects).toMatchObject({ projects: 104, cadres: 96 });
    expect(summary?.projects.fundsInPlace).toBeGreaterThanOrEqual(1400);
    expect(Object.values(summary?.projects.byStage ?? {}).reduce((a, b) => a + b, 0)).toBe(104);
    const saihan = [2022, 2023].map((year) => getSummary(database.db, staff, { region: "150105", year }));
    const down = (await Promise.all(saihan)).reduce(
      (s, y) => s + (y?.adjustments.byType.免职 ?? 0) + (y?.adjustments.byType.降职 ?? 0),
      0,
    );
    expect(down).toBe(6);
  });

  it("a league's summary is its own figures plus its banners', for a quarter too", async () => {
    const league = await getSummary(database.db, staff, { region: "150800", year: 2023, quarter: 3 });
    const parts = await Promise.all(
      ["150800", "150802", "150821", "150822", "150823", "150824", "150825", "150826"].map(async (code) => {
        const [own] = await rows<{ total: number }>(
          database.db,
          sql`select coalesce(sum(count), 0)::int as total from promotions where region_code = ${code} and year = 2023 and quarter = 3`,
        );
        return own.total;
      }),
    );
    expect(league?.promotions.total).toBe(parts.reduce((a, b) => a + b, 0));
    expect(league?.promotions.total).toBeLessThan(115);
  });

  it("draws the project funnel as of any day from the stage history", async () => {
    const endOfYear = await getProjectStats(database.db, staff, {
      region: "150800",
      period: { kind: "year", year: 2023 },
      asOf: "2023-12-31",
    });
    const funnel = Object.fromEntries((endOfYear?.funnel ?? []).map((f) => [f.stage, f.projects]));
    expect(funnel.已揭榜).toBe(104);
    // Each stage is reached by no more projects than the one before it.
    const counts = endOfYear?.funnel.map((f) => f.projects) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const midYear = await getProjectStats(database.db, staff, {
      region: "150800",
      period: { kind: "year", year: 2023 },
      asOf: "2023-06-30",
    });
    expect(midYear?.funnel[0].projects).toBeLessThan(104);
    // 科驰 went into production on 2023-12-26.
    const uradRear = (asOf: string) =>
      getProjectStats(database.db, staff, { region: "150825", period: { kind: "year", year: 2023 }, asOf });
    const before = (await uradRear("2023-12-25"))?.funnel.at(-1)?.projects ?? 0;
    const after = (await uradRear("2023-12-26"))?.funnel.at(-1)?.projects ?? 0;
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(endOfYear?.children.reduce((sum, c) => sum + c.projects, 0)).toBe(104);
  });

  it("is what the overview query reports for Bayannur 2023", async () => {
    const overview = await getOverview(database.db, staff, { region: "150800", year: 2023 });
    expect(overview?.totals.promotions).toMatchObject({ frontline: 90, total: 115 });
    expect(overview?.totals.arena.entries).toBe(9 + 77 + 74 + 17 + 140 + 652);
    expect(overview?.totals.projects).toMatchObject({ projects: 104, cadres: 96 });
    expect(overview?.demo).toBe(true);
  });
});

describe("demo data size", () => {
  it("covers every league and banner in 2021–2024 with plausible quarterly promotions", async () => {
    const [coverage] = await rows<{ regions: number; years: number; maxQuarter: number }>(
      database.db,
      sql`select count(distinct region_code)::int as regions, count(distinct year)::int as years,
                 max(q)::int as "maxQuarter"
          from (select region_code, year, quarter, sum(count) as q from promotions group by 1, 2, 3) t`,
    );
    expect(coverage.regions).toBe(115);
    expect(coverage.years).toBe(4);
    expect(coverage.maxQuarter).toBeLessThan(30);
  });
});

describe("data as of (数据截至)", () => {
  it("is the moment of the latest demo batch, and moves with a newer commit", async () => {
    const asOf = await dataAsOf(database.db);
    const [latest] = await rows<{ at: string }>(
      database.db,
      sql`select max(created_at)::text as at from upload_batches`,
    );
    expect(asOf?.getTime()).toBe(new Date(latest.at).getTime());
    await database.db.execute(
      sql`insert into audit_log (actor, action, at) values ('test', 'figure.write', now() + interval '1 hour')`,
    );
    expect((await dataAsOf(database.db))?.getTime()).toBeGreaterThan(asOf?.getTime() ?? 0);
  });
});
