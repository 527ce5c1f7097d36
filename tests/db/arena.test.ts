import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getArenaBoard, LEADERBOARD_SIZE } from "@/db/queries/arena";
import { getScorecard } from "@/db/queries/indicators";
import { arenaLevels } from "@/lib/contract";
import { testDatabase } from "../helpers/db";

/**
 * /arena and /indicators against the demo data: the Bayannur 2023 figures are the source
 * reporting's (docs/data-contract.md §2); the rest is synthetic, so only its shape is relied on.
 */
const staff = { role: "viewer" as const, regionCode: "150000" };
const bayannur = { role: "viewer" as const, regionCode: "150800" };
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("arena board", () => {
  it("gives Bayannur 2023 the source's entries per level, and the banners add up to them", async () => {
    const board = await getArenaBoard(database.db, bayannur, {
      region: "150800",
      period: { kind: "year", year: 2023 },
    });
    expect(board?.byLevel).toEqual({ 旗县区: 9, 市直部门: 77, 苏木乡镇: 74, 街道: 17, 社区: 140, 嘎查村: 652 });
    expect(board?.entries).toBe(969);
    for (const level of arenaLevels) {
      const sum = board?.children.reduce((s, c) => s + c.byLevel[level], 0);
      expect(sum, level).toBe(board?.byLevel[level]);
    }
    // 市直部门 are the city's own (本级), listed first.
    expect(board?.children[0]).toMatchObject({ code: "150800", own: true });
    expect(board?.children[0].byLevel.市直部门).toBe(77);
  });

  it("counts every scored entry once in the score distribution", async () => {
    const board = await getArenaBoard(database.db, staff, { region: "150800", period: { kind: "year", year: 2023 } });
    const inHistogram = board?.histogram.reduce((s, b) => s + Object.values(b.byLevel).reduce((a, n) => a + n, 0), 0);
    expect((inHistogram ?? 0) + (board?.unscored ?? 0)).toBe(969);
    expect(board?.histogram.map((b) => b.from).filter((f) => f !== null)).toEqual([60, 65, 70, 75, 80, 85, 90, 95]);
  });

  it("ranks the top entries per level by score, with names inside the viewer's home region", async () => {
    const board = await getArenaBoard(database.db, bayannur, {
      region: "150800",
      period: { kind: "year", year: 2023 },
    });
    for (const level of arenaLevels) {
      const list = board?.leaderboards[level] ?? [];
      expect(list.length, level).toBe(Math.min(LEADERBOARD_SIZE, board?.byLevel[level] ?? 0));
      const scores = list.map((r) => r.score);
      expect(scores, level).toEqual([...scores].sort((a, b) => b - a));
      expect(list[0]?.position).toBe(1);
      for (const row of list) {
        expect(row.secretary, `${level} ${row.organisation}`).toBeTruthy();
        expect(row.namesHidden).toBe(false);
      }
    }
  });

  it("blanks every secretary of 鄂尔多斯市 for a Bayannur viewer, but not for 150000 staff", async () => {
    const theirs = await getArenaBoard(database.db, bayannur, {
      region: "150600",
      period: { kind: "year", year: 2023 },
    });
    const rows = arenaLevels.flatMap((level) => theirs?.leaderboards[level] ?? []);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.secretary).toBeNull();
      expect(row.namesHidden).toBe(true);
    }
    expect(JSON.stringify(theirs)).not.toMatch(/"secretary":"/);

    const staffView = await getArenaBoard(database.db, staff, {
      region: "150600",
      period: { kind: "year", year: 2023 },
    });
    const named = arenaLevels.flatMap((level) => staffView?.leaderboards[level] ?? []);
    expect(named.every((row) => row.secretary)).toBe(true);
  });

  it("at the root compares the 12 leagues; a Bayannur viewer sees names only on Bayannur's rows", async () => {
    const board = await getArenaBoard(database.db, bayannur, {
      region: "150000",
      period: { kind: "year", year: 2023 },
    });
    expect(board?.children.filter((c) => !c.own)).toHaveLength(12);
    for (const row of arenaLevels.flatMap((level) => board?.leaderboards[level] ?? [])) {
      const inside = row.regionCode.startsWith("1508");
      expect(row.secretary === null, `${row.regionCode} ${row.organisation}`).toBe(!inside);
    }
  });

  it("answers null for an unknown region", async () => {
    expect(
      await getArenaBoard(database.db, staff, { region: "159999", period: { kind: "year", year: 2023 } }),
    ).toBeNull();
  });
});

describe("scorecard", () => {
  it("shows Bayannur's own 2023 Q3 figures: industrial growth 12%, 3rd, above its target", async () => {
    const card = await getScorecard(database.db, bayannur, {
      region: "150800",
      period: { kind: "quarter", year: 2023, quarter: 3 },
    });
    const growth = card?.figures.find((f) => f.indicator === "规模以上工业增加值增速");
    expect(growth).toMatchObject({ value: 12, unit: "%", rank: 3, status: "met" });
    expect(card?.figures.find((f) => f.indicator === "打通城区断头路")).toMatchObject({
      value: 13,
      unit: "条",
      status: "none",
    });
    // The banners' figures stand beside Bayannur's own, never summed into it.
    const across = card?.across.规模以上工业增加值增速 ?? [];
    expect(across[0]).toMatchObject({ code: "150800", own: true, value: 12 });
    expect(across.length).toBeGreaterThan(1);
    // Quarterly trend: one point per quarter and year.
    expect(card?.trends.规模以上工业增加值增速?.every((p) => p.quarter !== null)).toBe(true);
  });

  it("shows 察右前旗's whole-year 2023 road figures", async () => {
    const card = await getScorecard(database.db, staff, { region: "150926", period: { kind: "year", year: 2023 } });
    const values = Object.fromEntries(card?.figures.map((f) => [f.indicator, `${f.value} ${f.unit}`]) ?? []);
    expect(values).toEqual({
      道路提质改造投入资金: "873 万元",
      道路提质改造里程: "19.5 公里",
      村道硬化项目: "6 个",
      村道硬化里程: "12.7 公里",
      道路养护工程项目: "24 个",
      道路养护里程: "236.5 公里",
    });
  });

  it("shows, by default, the latest year's latest quarter where that year has no whole-year figures", async () => {
    const card = await getScorecard(database.db, staff, { region: "150800" });
    const [latest] = card?.years ?? [];
    expect(card?.period).toMatchObject({ kind: "quarter", year: latest });
    expect(card?.figures.length).toBeGreaterThan(0);
    expect(card?.quarter).toBe(Math.max(...((card?.periods ?? []).filter((q) => q !== null) as number[])));
  });

  it("answers the period it shows: a quarter, or a year meaning its whole-year figures", async () => {
    const quarter = await getScorecard(database.db, staff, {
      region: "150800",
      period: { kind: "quarter", year: 2023, quarter: 3 },
    });
    expect(quarter?.period).toEqual({ kind: "quarter", year: 2023, quarter: 3 });
    expect(quarter?.quarter).toBe(3);
    const year = await getScorecard(database.db, staff, { region: "150926", period: { kind: "year", year: 2023 } });
    expect(year?.period).toEqual({ kind: "year", year: 2023 });
    expect(year?.quarter).toBeNull();
  });

  it("judges status against the target: met, close (≥ 90%), missed", async () => {
    const card = await getScorecard(database.db, staff, {
      region: "150800",
      period: { kind: "quarter", year: 2022, quarter: 2 },
    });
    for (const f of card?.figures ?? []) {
      if (f.target === null) continue;
      const expected = f.value >= f.target ? "met" : f.value >= f.target * 0.9 ? "close" : "missed";
      expect(f.status, f.indicator).toBe(expected);
    }
  });
});
