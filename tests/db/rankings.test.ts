import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdjustments } from "@/db/queries/adjustments";
import { getOverview } from "@/db/queries/overview";
import { competitionRanks, getRanking } from "@/db/queries/rankings";
import { completenessOf, outstandingReports } from "@/db/queries/reporting";
import { adjustments, arenaEntries, promotions } from "@/db/schema";
import { loadReferenceRegions } from "@/db/seed/reference";
import { AccessDenied } from "@/lib/auth/errors";
import { testDatabase } from "../helpers/db";

const staff = { role: "viewer" as const, regionCode: "150000" };
let database: Awaited<ReturnType<typeof testDatabase>>;

/** Bayannur (150800): the city's own departments and its seven banners report. */
const REPORTERS = ["150800", "150802", "150821", "150822", "150823", "150824", "150825", "150826"];
/** 2024's frontline promotions per quarter; 150821 and 150822 tie. */
const PER_QUARTER: Record<string, number> = {
  "150800": 1,
  "150802": 5,
  "150821": 3,
  "150822": 3,
  "150823": 1,
  "150824": 2,
  "150825": 2,
  "150826": 4,
};
const year2024 = { kind: "year", year: 2024 } as const;

beforeAll(async () => {
  database = await testDatabase();
  await loadReferenceRegions(database.db);
  const rows: (typeof promotions.$inferInsert)[] = [];
  for (const code of REPORTERS) {
    for (const quarter of [1, 2, 3, 4]) {
      rows.push({ regionCode: code, year: 2023, quarter, field: "乡村振兴", count: 1 });
      // 乌拉特后旗 (150825) has not reported the fourth quarter of 2024 yet.
      if (code !== "150825" || quarter < 4) {
        rows.push({ regionCode: code, year: 2024, quarter, field: "乡村振兴", count: PER_QUARTER[code] });
      }
    }
  }
  // A township of 乌拉特后旗 reports through its banner: its 2023 Q4 is left out with the banner's.
  rows.push({ regionCode: "150825100", year: 2023, quarter: 4, field: "基层治理", count: 5 });
  await database.db.insert(promotions).values(rows);
  await database.db.insert(adjustments).values([
    { regionCode: "150802", year: 2024, quarter: 1, type: "免职", count: 2 },
    { regionCode: "150821", year: 2024, quarter: 2, type: "降职", count: 3 },
    { regionCode: "150821", year: 2024, quarter: 2, type: "恢复任职", count: 1 },
  ]);
  // Arena entries (yearly): 150802 reported both years, 150821 only 2023.
  await database.db.insert(arenaEntries).values([
    { regionCode: "150802", year: 2023, level: "嘎查村", organisation: "甲" },
    { regionCode: "150802", year: 2024, level: "嘎查村", organisation: "甲" },
    { regionCode: "150802", year: 2024, level: "社区", organisation: "乙" },
    { regionCode: "150821", year: 2023, level: "嘎查村", organisation: "丙" },
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("rankings", () => {
  it("ranks ties together (1, 2, 2, 4) and leaves a missing value unranked", () => {
    expect(competitionRanks([5, 3, 3, 1, null])).toEqual([1, 2, 2, 4, null]);
  });

  it("ranks the banners by the figure the table shows, 本级 listed but not ranked", async () => {
    const ranking = await getRanking(database.db, staff, { region: "150800", period: year2024, metric: "frontline" });
    const rows = ranking?.rows ?? [];
    expect(rows[0]).toMatchObject({ code: "150800", own: true, value: 4, rank: null });
    const ranked = rows.filter((r) => !r.own);
    expect(ranked).toHaveLength(7);
    for (const row of ranked) {
      expect(row.rank).toBe(1 + ranked.filter((o) => (o.value ?? 0) > (row.value ?? 0)).length);
    }
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode["150802"]).toMatchObject({ value: 20, rank: 1 });
    expect(byCode["150821"]).toMatchObject({ value: 12, rank: 3 });
    expect(byCode["150822"]).toMatchObject({ value: 12, rank: 3 });
    expect(byCode["150826"]).toMatchObject({ value: 16, rank: 2 });
    // The values are the overview's, the same query.
    const overview = await getOverview(database.db, staff, { region: "150800", period: year2024 });
    for (const child of overview?.children ?? []) expect(byCode[child.code].value).toBe(child.promotions.frontline);
  });

  it("ranks 能上能下 from the breakdown's figures", async () => {
    const ranking = await getRanking(database.db, staff, {
      region: "150800",
      period: year2024,
      metric: "adjustmentsDown",
    });
    const view = await getAdjustments(database.db, staff, { region: "150800", period: year2024 });
    for (const child of view?.children ?? []) {
      expect(ranking?.rows.find((r) => r.code === child.code)?.value).toBe(child.down);
    }
    expect(ranking?.rows.find((r) => r.code === "150821")).toMatchObject({ value: 3, rank: 1 });
  });

  it("marks an incomplete period with the reports that are in and expected", async () => {
    const c = await completenessOf(database.db, "150800", 2, year2024, ["promotions"]);
    expect(c.total).toEqual({ reported: 31, expected: 32 });
    expect(c.byChild.get("150825")).toEqual({ reported: 3, expected: 4 });
    expect(c.byChild.get("150802")).toEqual({ reported: 4, expected: 4 });
    expect(c.cells.has("150825|promotions|2024|3")).toBe(true);
    expect(c.cells.has("150825|promotions|2024|4")).toBe(false);
    const ranking = await getRanking(database.db, staff, { region: "150800", period: year2024, metric: "frontline" });
    expect(ranking?.completeness).toEqual({ reported: 31, expected: 32 });
    expect(ranking?.rows.find((r) => r.code === "150825")?.completeness).toEqual({ reported: 3, expected: 4 });
    // At the top: Bayannur's 8 reporting regions × 4 quarters, against all 12 leagues'.
    const root = await getRanking(database.db, staff, { region: "150000", period: year2024, metric: "frontline" });
    expect(root?.rows.find((r) => r.code === "150800")?.completeness).toEqual({ reported: 31, expected: 32 });
    expect(root?.rows.find((r) => r.code === "150600")?.completeness.reported).toBe(0);
    // 2023 is complete for Bayannur.
    const before = await completenessOf(database.db, "150800", 2, { kind: "year", year: 2023 }, ["promotions"]);
    expect(before.total).toEqual({ reported: 32, expected: 32 });
  });

  it("compares like for like: the previous year without the quarter still missing now", async () => {
    const ranking = await getRanking(database.db, staff, { region: "150800", period: year2024, metric: "frontline" });
    expect(ranking?.likeForLike).toBe(true);
    const rear = ranking?.rows.find((r) => r.code === "150825");
    // 2024: Q1–Q3 at 2 each; 2023 over the same quarters: 1 each (its Q4 and its township's Q4 left out).
    expect(rear).toMatchObject({ value: 6, previous: 3, change: 3 });
    expect(ranking?.rows.find((r) => r.code === "150802")).toMatchObject({ value: 20, previous: 4, change: 16 });
    // Last year, like for like, the others had 4 and 150825 3 (9 with all its reports): last of 7.
    // Now 20, 16, 12, 12, 8, 6, 4: sixth, one place up.
    expect(rear).toMatchObject({ previousRank: 7, rank: 6, rankChange: 1 });

    const overview = await getOverview(database.db, staff, { region: "150800", period: year2024 });
    // 8 regions × 4 quarters in 2023, less 150825's Q4 (1) and its township's (5).
    expect(overview?.previous?.promotions.frontline).toBe(32 - 1);
    expect(overview?.completeness.promotions).toMatchObject({
      total: { reported: 31, expected: 32 },
      likeForLike: true,
    });
    expect(overview?.completeness.promotions.byChild["150825"]).toEqual({ reported: 3, expected: 4 });
  });

  it("compares yearly datasets over the same reporting regions", async () => {
    const ranking = await getRanking(database.db, staff, {
      region: "150800",
      period: year2024,
      metric: "arenaEntries",
    });
    expect(ranking?.likeForLike).toBe(true);
    expect(ranking?.completeness).toEqual({ reported: 1, expected: 8 });
    expect(ranking?.rows.find((r) => r.code === "150802")).toMatchObject({ value: 2, previous: 1, rank: 1 });
    // 150821 sent no entries for 2024, so its 2023 entry is not compared with nothing.
    expect(ranking?.rows.find((r) => r.code === "150821")).toMatchObject({ value: 0, previous: 0 });
    const overview = await getOverview(database.db, staff, { region: "150800", period: year2024 });
    expect(overview?.previous?.arena.entries).toBe(1);
  });

  it("says nothing is restricted when the period is as complete as the one before", async () => {
    const ranking = await getRanking(database.db, staff, {
      region: "150800",
      period: { kind: "quarter", year: 2024, quarter: 2 },
      metric: "frontline",
    });
    expect(ranking?.likeForLike).toBe(false);
    expect(ranking?.completeness).toEqual({ reported: 8, expected: 8 });
    expect(ranking?.rows.find((r) => r.code === "150825")).toMatchObject({ value: 2, previous: 1 });
    expect(await getRanking(database.db, staff, { region: "159999", metric: "frontline" })).toBeNull();
  });
});

describe("outstanding reports", () => {
  it("names every report of the year not yet in, by region, dataset and quarter", async () => {
    const list = await outstandingReports(database.db, staff, { region: "150800", year: 2024, dataset: "promotions" });
    expect(list).toEqual([
      {
        code: "150825",
        nameZh: "乌拉特后旗",
        nameEn: null,
        level: "county",
        parentName: "巴彦淖尔市",
        parentNameEn: "Bayannur",
        dataset: "promotions",
        quarter: 4,
        state: "missing",
        // No reporting period is open here: no deadline to be past.
        dueOn: null,
        daysOverdue: null,
      },
    ]);
    const all = (await outstandingReports(database.db, staff, { region: "150825", year: 2024 })) ?? [];
    // A banner alone: its fourth quarter of promotions, four of adjustments, of routine
    // assessments and of political birthdays, and the seven yearly reports.
    expect(all.map((r) => `${r.dataset}:${r.quarter ?? ""}`)).toEqual([
      "promotions:4",
      "adjustments:1",
      "adjustments:2",
      "adjustments:3",
      "adjustments:4",
      "arena:",
      "projects:",
      "indicators:",
      "evaluations:",
      "job_fit:",
      "young_cadres:",
      "selections:",
      "routine_assessments:1",
      "routine_assessments:2",
      "routine_assessments:3",
      "routine_assessments:4",
      "member_care:1",
      "member_care:2",
      "member_care:3",
      "member_care:4",
    ]);
  });

  it("lists only the caller's own part of the tree", async () => {
    const bayannur = { role: "viewer" as const, regionCode: "150800" };
    expect(await outstandingReports(database.db, bayannur, { region: "150825", year: 2024 })).not.toBeNull();
    await expect(outstandingReports(database.db, bayannur, { region: "150600", year: 2024 })).rejects.toThrow(
      AccessDenied,
    );
    expect(await outstandingReports(database.db, staff, { region: "159999", year: 2024 })).toBeNull();
  });
});
