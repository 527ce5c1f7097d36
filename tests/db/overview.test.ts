import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOverview } from "@/db/queries/overview";
import { adjustments, arenaEntries, projects, promotions, uploadBatches } from "@/db/schema";
import { loadReferenceRegions } from "@/db/seed/reference";
import { testDatabase } from "../helpers/db";

const staff = { role: "viewer" as const, regionCode: "150000" };
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await loadReferenceRegions(database.db);
  const db = database.db;
  await db.insert(promotions).values([
    // Bayannur's own departments, two of its banners, and one township under a banner.
    { regionCode: "150800", year: 2023, quarter: 1, field: "乡村振兴", count: 3 },
    { regionCode: "150800", year: 2023, quarter: 2, field: "非一线", count: 2 },
    { regionCode: "150802", year: 2023, quarter: 1, field: "招商引资", count: 4 },
    { regionCode: "150825", year: 2023, quarter: 4, field: "非一线", count: 1 },
    { regionCode: "150825100", year: 2023, quarter: 4, field: "基层治理", count: 5 },
    // Another league and another year must not leak in.
    { regionCode: "150600", year: 2023, quarter: 1, field: "乡村振兴", count: 100 },
    { regionCode: "150802", year: 2022, quarter: 1, field: "乡村振兴", count: 100 },
  ]);
  await db.insert(arenaEntries).values([
    { regionCode: "150825", year: 2023, level: "嘎查村", organisation: "甲嘎查" },
    { regionCode: "150825", year: 2023, level: "社区", organisation: "乙社区" },
    { regionCode: "150800", year: 2023, level: "市直部门", organisation: "市财政局" },
  ]);
  await db.insert(projects).values([
    {
      code: "P1",
      name: "一",
      regionCode: "150825",
      leadCadre: "张三",
      cadreUnit: "工信局",
      takenOn: "2023-03-01",
      stage: "已签约",
      fundsInPlace: 10,
    },
    {
      code: "P2",
      name: "二",
      regionCode: "150802",
      leadCadre: "张三",
      cadreUnit: "工信局",
      takenOn: "2023-05-01",
      stage: "已揭榜",
      fundsInPlace: 5.5,
    },
    { code: "P3", name: "三", regionCode: "150802", leadCadre: "李四", takenOn: "2024-01-02", stage: "已揭榜" },
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("overview roll-ups", () => {
  it("adds a league's own figures and all of its banners' (and their townships'), nothing else", async () => {
    const overview = await getOverview(database.db, staff, { region: "150800", year: 2023 });
    expect(overview?.totals.promotions).toEqual({ frontline: 12, total: 15, share: 12 / 15 });
    const own = overview?.children.find((c) => c.own);
    expect(own?.promotions).toMatchObject({ frontline: 3, total: 5 });
    const uradRear = overview?.children.find((c) => c.code === "150825");
    expect(uradRear?.promotions).toMatchObject({ frontline: 5, total: 6 });
    // The children add up to the total: no figure is counted twice or dropped.
    const sum = overview?.children.reduce((s, c) => s + c.promotions.total, 0);
    expect(sum).toBe(15);
  });

  it("lists every banner of the league, and the league's own figures first", async () => {
    const overview = await getOverview(database.db, staff, { region: "150800", year: 2023 });
    expect(overview?.children.map((c) => c.code)).toEqual([
      "150800",
      "150802",
      "150821",
      "150822",
      "150823",
      "150824",
      "150825",
      "150826",
    ]);
    expect(overview?.children[0].own).toBe(true);
  });

  it("counts arena entries by level and projects by the year they were taken, cadres once", async () => {
    const overview = await getOverview(database.db, staff, { region: "150800", year: 2023 });
    expect(overview?.totals.arena.entries).toBe(3);
    expect(overview?.totals.arena.byLevel).toMatchObject({ 嘎查村: 1, 社区: 1, 市直部门: 1, 街道: 0 });
    expect(overview?.totals.projects).toEqual({ projects: 2, cadres: 1, plannedInvestment: 0, fundsInPlace: 15.5 });
  });

  it("compares the 12 leagues at the top, each with its whole total", async () => {
    const overview = await getOverview(database.db, staff, { region: "150000", year: 2023 });
    expect(overview?.children).toHaveLength(12);
    expect(overview?.children.find((c) => c.code === "150800")?.promotions.total).toBe(15);
    expect(overview?.children.find((c) => c.code === "150600")?.promotions.total).toBe(100);
    expect(overview?.totals.promotions.total).toBe(115);
  });

  it("defaults to the latest year with figures and answers null for an unknown region", async () => {
    const overview = await getOverview(database.db, staff, { region: "150000" });
    expect(overview?.year).toBe(2024);
    expect(overview?.years).toEqual([2024, 2023, 2022]);
    expect(await getOverview(database.db, staff, { region: "159999" })).toBeNull();
  });

  it("shows who has reported which dataset and quarter, to chase the missing ones", async () => {
    const overview = await getOverview(database.db, staff, { region: "150800", year: 2023 });
    const board = Object.fromEntries((overview?.reporting ?? []).map((r) => [r.code, r]));
    expect(overview?.reporting[0]).toMatchObject({ code: "150800", own: true, expected: 1 });
    expect(board["150800"].cells).toMatchObject({ "promotions:1": 1, "promotions:2": 1, arena: 1 });
    expect(board["150802"].cells).toEqual({ "promotions:1": 1, projects: 1 });
    expect(board["150821"].cells).toEqual({});
    const root = await getOverview(database.db, staff, { region: "150000", year: 2023 });
    const bayannur = root?.reporting.find((r) => r.code === "150800");
    // The city and its 7 banners could report; three of them sent promotions in some quarter.
    expect(bayannur?.expected).toBe(8);
    expect(bayannur?.cells["promotions:1"]).toBe(2);
  });

  it("carries the previous year's totals for the change on the cards", async () => {
    const overview = await getOverview(database.db, staff, { region: "150800", year: 2023 });
    expect(overview?.previous?.promotions.total).toBe(100);
    expect((await getOverview(database.db, staff, { region: "150800", year: 2022 }))?.previous).toBeNull();
  });

  it("takes a quarter: its promotions and projects, the year's arena entries, the same quarter a year before", async () => {
    const q1 = await getOverview(database.db, staff, {
      region: "150800",
      period: { kind: "quarter", year: 2023, quarter: 1 },
    });
    // 150800 Q1: 乡村振兴 3 + 150802 招商引资 4; P1 was taken in March.
    expect(q1?.totals.promotions).toEqual({ frontline: 7, total: 7, share: 1 });
    expect(q1?.totals.projects).toMatchObject({ projects: 1, cadres: 1, fundsInPlace: 10 });
    expect(q1?.totals.arena.entries).toBe(3);
    expect(q1?.previousPeriod).toEqual({ kind: "quarter", year: 2022, quarter: 1 });
    expect(q1?.previous?.promotions.total).toBe(100);
    expect(q1?.year).toBe(2023);
  });

  it("takes a range of years: the years added up, compared with as many years just before", async () => {
    const range = await getOverview(database.db, staff, {
      region: "150800",
      period: { kind: "range", from: 2023, to: 2024 },
    });
    expect(range?.totals.promotions.total).toBe(15);
    expect(range?.totals.projects).toMatchObject({ projects: 3, cadres: 2 });
    expect(range?.previousPeriod).toEqual({ kind: "range", from: 2021, to: 2022 });
    // Like for like: 2022 is set against 2024, when 150802 sent no promotions, so its 2022 Q1 is left out.
    expect(range?.previous?.promotions.total).toBe(0);
    expect(range?.completeness.promotions.likeForLike).toBe(true);
    // The reporting board is the range's last year's.
    expect(range?.year).toBe(2024);
  });

  it("reports no demo data where none was loaded", async () => {
    const overview = await getOverview(database.db, staff, { region: "150000", year: 2023 });
    expect(overview?.demo).toBe(false);
    await database.db.insert(uploadBatches).values({
      dataset: "adjustments",
      source: "demo",
      fileName: "x",
      fileHash: "x",
      createdBy: "system",
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
    });
    expect((await getOverview(database.db, staff, { region: "150000", year: 2023 }))?.demo).toBe(true);
    expect(adjustments).toBeDefined();
  });
});
