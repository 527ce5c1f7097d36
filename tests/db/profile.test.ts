import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getRegionProfile } from "@/db/queries/profile";
import { getSummary } from "@/db/queries/summary";
import { SOURCE } from "@/db/seed/demo";
import type { ProfileFigures, RegionProfile } from "@/lib/api/profile";
import { testDatabase } from "../helpers/db";

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

const year2023 = { kind: "year", year: 2023 } as const;

/** The children's counts and money added up (distinct cadres do not add up, so they are left out). */
function sumOf(children: RegionProfile["children"]) {
  const add = (pick: (f: ProfileFigures) => number) => children.reduce((s, c) => s + pick(c), 0);
  return {
    frontline: add((f) => f.promotions.frontline),
    promotions: add((f) => f.promotions.total),
    arena: add((f) => f.arena.entries),
    projects: add((f) => f.projects.projects),
    funds: Math.round(add((f) => f.projects.fundsInPlace) * 100) / 100,
    down: add((f) => f.adjustments.down),
    up: add((f) => f.adjustments.up),
  };
}

describe("region profile", () => {
  it("shows Bayannur's 2023 source figures, with its subordinate regions", async () => {
    const profile = await getRegionProfile(database.db, bayannur, { region: SOURCE.bayannur, period: year2023 });
    if (!profile) throw new Error("no profile");
    expect(profile.region.path.map((r) => r.code)).toEqual(["150000", "150800"]);
    expect(profile.period).toEqual(year2023);
    expect(profile.totals.promotions).toMatchObject({ frontline: 90, total: 115 });
    expect(profile.totals.promotions.share).toBeCloseTo(0.783, 3);
    expect(profile.totals.arena.byLevel).toEqual(SOURCE.arenaByLevel);
    expect(profile.totals.arena.entries).toBe(9 + 77 + 74 + 17 + 140 + 652);
    expect(profile.totals.projects).toMatchObject({ projects: 104, cadres: 96 });
    expect(profile.totals.projects.fundsInPlace).toBeGreaterThanOrEqual(1400);
    expect(Object.values(profile.totals.projects.byStage).reduce((a, b) => a + b, 0)).toBe(104);
    // 本级 first, then every banner of the league in code order, 乌拉特后旗 among them.
    expect(profile.children[0]).toMatchObject({ code: "150800", own: true });
    expect(profile.children.slice(1).every((c) => !c.own)).toBe(true);
    expect(profile.children.map((c) => c.code)).toContain(SOURCE.uradRear);
  });

  it("agrees with the summary the API already serves, for a year and for a quarter", async () => {
    for (const [period, quarter] of [
      [year2023, undefined],
      [{ kind: "quarter", year: 2023, quarter: 3 } as const, 3],
    ] as const) {
      const profile = await getRegionProfile(database.db, staff, { region: SOURCE.bayannur, period });
      const summary = await getSummary(database.db, staff, { region: SOURCE.bayannur, year: 2023, quarter });
      if (!profile || !summary) throw new Error("missing");
      expect(profile.totals.promotions).toEqual(summary.promotions);
      expect(profile.totals.arena).toEqual(summary.arena);
      expect(profile.totals.projects).toEqual(summary.projects);
      expect(profile.totals.adjustments.byType).toEqual(summary.adjustments.byType);
    }
  });

  it("makes a league's profile its own figures plus its banners'", async () => {
    const league = await getRegionProfile(database.db, staff, { region: SOURCE.bayannur, period: year2023 });
    if (!league) throw new Error("no profile");
    const t = league.totals;
    expect(sumOf(league.children)).toEqual({
      frontline: t.promotions.frontline,
      promotions: t.promotions.total,
      arena: t.arena.entries,
      projects: t.projects.projects,
      funds: Math.round(t.projects.fundsInPlace * 100) / 100,
      down: t.adjustments.down,
      up: t.adjustments.up,
    });
    // Each banner's row is that banner's own profile.
    const row = league.children.find((c) => c.code === SOURCE.uradRear);
    const banner = await getRegionProfile(database.db, staff, { region: SOURCE.uradRear, period: year2023 });
    if (!row || !banner) throw new Error("missing");
    const { promotions, arena, projects, adjustments } = banner.totals;
    expect(row.promotions).toEqual({
      frontline: promotions.frontline,
      total: promotions.total,
      share: promotions.share,
    });
    expect(row.arena).toEqual(arena);
    const { byStage: _, ...projectTotals } = projects;
    expect(row.projects).toEqual(projectTotals);
    expect(row.adjustments).toEqual({ down: adjustments.down, up: adjustments.up });
    // and the banner's own profile is all its own (本级).
    expect(row).toMatchObject(banner.own);
    expect(banner.region.path.map((r) => r.code)).toEqual(["150000", "150800", SOURCE.uradRear]);
    expect(banner.children).toEqual([]);
  });

  it("lists the 12 leagues under the autonomous region, adding up to its total", async () => {
    const region = await getRegionProfile(database.db, staff, { region: "150000", period: year2023 });
    if (!region) throw new Error("no profile");
    const leagues = region.children.filter((c) => !c.own);
    expect(leagues).toHaveLength(12);
    expect(sumOf(region.children).promotions).toBe(region.totals.promotions.total);
    expect(sumOf(region.children).arena).toBe(region.totals.arena.entries);
    // The autonomous region reports no scorecard itself: its leagues' are counted, never summed.
    expect(region.scorecard.figures).toEqual([]);
    const growth = region.scorecard.children.find((r) => r.indicator === "规模以上工业增加值增速");
    expect(growth).toMatchObject({ reported: 12, targeted: 12 });
  });

  it("shows the region's own scorecard, never a sum: Bayannur's 12% in the first three quarters of 2023", async () => {
    const q3 = await getRegionProfile(database.db, staff, {
      region: SOURCE.bayannur,
      period: { kind: "quarter", year: 2023, quarter: 3 },
    });
    const growth = q3?.scorecard.figures.find((f) => f.indicator === "规模以上工业增加值增速");
    expect(growth).toMatchObject({ value: 12, rank: 3 });
    expect(q3?.scorecard.figures.map((f) => f.indicator)).toContain("打通城区断头路");
    // A year without whole-year figures shows its latest quarter.
    const year = await getRegionProfile(database.db, staff, { region: SOURCE.bayannur, period: year2023 });
    expect(year?.scorecard).toMatchObject({ year: 2023, quarter: 4 });
    // 察右前旗 reported whole-year figures.
    const chayouqian = await getRegionProfile(database.db, staff, { region: SOURCE.chayouqian, period: year2023 });
    expect(chayouqian?.scorecard.quarter).toBeNull();
    expect(chayouqian?.scorecard.figures.find((f) => f.indicator === "道路养护里程")?.value).toBe(236.5);
  });

  it("defaults to the latest year with figures, and knows no unknown region", async () => {
    const latest = await getRegionProfile(database.db, staff, { region: SOURCE.bayannur });
    expect(latest?.period).toEqual({ kind: "year", year: latest?.years[0] });
    expect(await getRegionProfile(database.db, staff, { region: "159999" })).toBeNull();
  });
});
