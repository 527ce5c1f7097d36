import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getAdjustments } from "@/db/queries/adjustments";
import { leagueOptions } from "@/db/queries/breakdown";
import { getPromotions } from "@/db/queries/promotions";
import { adjustments, promotions } from "@/db/schema";
import { dashboardFilters, dashboardSearch, parseDashboardFilters } from "@/lib/filters";
import { testDatabase } from "../helpers/db";

const staff = { role: "viewer" as const, regionCode: "150000" };

describe("the source figures (demo data)", () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: true });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("Bayannur 2023: 90 of 115 promoted in frontline fields, and its children add up to it", async () => {
    const view = await getPromotions(database.db, staff, { region: "150800", period: { kind: "year", year: 2023 } });
    expect(view?.total).toMatchObject({ frontline: 90, total: 115 });
    expect(view?.total.share).toBeCloseTo(0.783, 3);
    const sum = view?.children.reduce((s, c) => s + c.total, 0);
    expect(sum).toBe(115);
    // The quarters of 2023 add up to the year.
    expect(view?.trend).toHaveLength(4);
    expect(view?.trend.reduce((s, q) => s + q.frontline, 0)).toBe(90);
  });

  it("the root compares the 12 leagues, Bayannur with its whole total", async () => {
    const view = await getPromotions(database.db, staff, { region: "150000", period: { kind: "year", year: 2023 } });
    const leagues = view?.children.filter((c) => !c.own) ?? [];
    expect(leagues).toHaveLength(12);
    expect(leagues.find((c) => c.code === "150800")).toMatchObject({ frontline: 90, total: 115 });
  });

  it("the cascade lists the 12 leagues with their banners", async () => {
    const leagues = await leagueOptions(database.db);
    expect(leagues).toHaveLength(12);
    const bayannur = leagues.find((l) => l.code === "150800");
    expect(bayannur?.banners.map((b) => b.nameZh)).toContain("乌拉特后旗");
  });
});

describe("roll-ups on a few rows", () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: false });
    await database.db.insert(promotions).values([
      // Bayannur's own departments, two banners, a township under a banner; another league and year.
      { regionCode: "150800", year: 2023, quarter: 1, field: "乡村振兴", count: 3 },
      { regionCode: "150800", year: 2023, quarter: 2, field: "非一线", count: 2 },
      { regionCode: "150802", year: 2023, quarter: 1, field: "招商引资", count: 4 },
      { regionCode: "150825", year: 2023, quarter: 4, field: "非一线", count: 1 },
      { regionCode: "150825100", year: 2023, quarter: 4, field: "基层治理", count: 5 },
      { regionCode: "150600", year: 2023, quarter: 1, field: "乡村振兴", count: 100 },
      { regionCode: "150802", year: 2022, quarter: 1, field: "乡村振兴", count: 7 },
    ]);
    await database.db.insert(adjustments).values([
      { regionCode: "150825", year: 2023, quarter: 2, type: "免职", count: 2 },
      { regionCode: "150825", year: 2023, quarter: 3, type: "恢复任职", count: 1 },
      { regionCode: "150800", year: 2023, quarter: 3, type: "降职", count: 1 },
      { regionCode: "150105", year: 2023, quarter: 3, type: "降职", count: 9 },
    ]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("a league equals its own figures plus its banners'", async () => {
    const view = await getPromotions(database.db, staff, { region: "150800", period: { kind: "year", year: 2023 } });
    expect(view?.own).toMatchObject({ frontline: 3, total: 5 });
    expect(view?.total).toMatchObject({ frontline: 12, total: 15 });
    expect(view?.total.byField).toEqual({ 乡村振兴: 3, 招商引资: 4, 基层治理: 5, 防沙治沙: 0, 其他一线: 0, 非一线: 3 });
    expect(view?.children[0]).toMatchObject({ code: "150800", own: true, total: 5 });
    expect(view?.children.find((c) => c.code === "150825")).toMatchObject({ frontline: 5, total: 6 });
    const banners = view?.children.filter((c) => !c.own).reduce((s, c) => s + c.total, 0) ?? 0;
    expect((view?.own.total ?? 0) + banners).toBe(view?.total.total);
  });

  it("says which regions' quarterly reports are in: the league's own level and each banner, by quarter", async () => {
    const year = await getPromotions(database.db, staff, { region: "150800", period: { kind: "year", year: 2023 } });
    // 巴彦淖尔市本级 and its 7 banners, 4 quarters each; in: 本级 Q1 Q2, 临河区 Q1, 乌拉特后旗 Q4.
    expect(year?.completeness.total).toEqual({ reported: 4, expected: 32 });
    expect(year?.completeness.byChild["150800"]).toEqual({ reported: 2, expected: 4 });
    expect(year?.completeness.byChild["150825"]).toEqual({ reported: 1, expected: 4 });
    expect(year?.completeness.byChild["150826"]).toEqual({ reported: 0, expected: 4 });
    const q4 = await getPromotions(database.db, staff, {
      region: "150800",
      period: { kind: "quarter", year: 2023, quarter: 4 },
    });
    expect(q4?.completeness.total).toEqual({ reported: 1, expected: 8 });
    const moves = await getAdjustments(database.db, staff, { region: "150800", period: { kind: "year", year: 2023 } });
    expect(moves?.completeness.total).toEqual({ reported: 3, expected: 32 });
  });

  it("narrows to a quarter and widens to a range of years, trend per quarter", async () => {
    const q4 = await getPromotions(database.db, staff, {
      region: "150800",
      period: { kind: "quarter", year: 2023, quarter: 4 },
    });
    expect(q4?.total).toMatchObject({ frontline: 5, total: 6 });
    const range = await getPromotions(database.db, staff, {
      region: "150800",
      period: { kind: "range", from: 2022, to: 2023 },
    });
    expect(range?.total.total).toBe(22);
    expect(range?.trend.map((p) => `${p.year}Q${p.quarter}:${p.total}`)).toEqual([
      "2022Q1:7",
      "2022Q2:0",
      "2022Q3:0",
      "2022Q4:0",
      "2023Q1:7",
      "2023Q2:2",
      "2023Q3:0",
      "2023Q4:6",
    ]);
  });

  it("defaults to the latest year and answers null for an unknown region", async () => {
    const view = await getPromotions(database.db, staff, { region: "150800" });
    expect(view?.period).toEqual({ kind: "year", year: 2023 });
    expect(await getPromotions(database.db, staff, { region: "159999" })).toBeNull();
  });

  it("adjustments: moved down against moved back up, with the league's own", async () => {
    const view = await getAdjustments(database.db, staff, { region: "150800", period: { kind: "year", year: 2023 } });
    expect(view?.total).toMatchObject({ down: 3, up: 1 });
    expect(view?.own).toMatchObject({ down: 1, up: 0 });
    expect(view?.children.find((c) => c.code === "150825")?.byType).toMatchObject({ 免职: 2, 恢复任职: 1 });
    const root = await getAdjustments(database.db, staff, { region: "150000", period: { kind: "year", year: 2023 } });
    expect(root?.total.down).toBe(12);
  });
});

describe("dashboard URL filters", () => {
  it("reads a year, a quarter or a range, and writes them back", () => {
    for (const search of ["?region=150800&year=2023", "?region=150800&year=2023&quarter=3", "?from=2021&to=2023"]) {
      const parsed = parseDashboardFilters(new URLSearchParams(search));
      expect(parsed.success, search).toBe(true);
      expect(dashboardSearch(parsed.data ?? {})).toBe(search);
    }
  });

  it("refuses half or mixed periods with message keys", () => {
    const messages = (q: Record<string, string>) => {
      const r = dashboardFilters.safeParse(q);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({ from: "2023" })).toEqual(["invalid.range"]);
    expect(messages({ from: "2024", to: "2021" })).toEqual(["invalid.range"]);
    expect(messages({ quarter: "2" })).toEqual(["invalid.period"]);
    expect(messages({ year: "2023", from: "2021", to: "2022" })).toEqual(["invalid.period"]);
    expect(messages({ year: "23" })).toEqual(["invalid.year"]);
    expect(messages({ region: "abc" })).toEqual(["invalid.region"]);
  });
});
