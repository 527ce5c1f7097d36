import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getRoutineAssessments } from "@/db/queries/routine-assessments";
import { getSelections, listSelections } from "@/db/queries/selections";
import { rows } from "@/db/queries/sql";
import { getYoungCadres } from "@/db/queries/young-cadres";
import { routineAssessments, selections } from "@/db/schema";
import { YAKESHI } from "@/db/seed/demo-cadres";
import { MIN_GROUP } from "@/lib/contract";
import type { Period } from "@/lib/view";
import { testDatabase } from "../helpers/db";

/**
 * 雏雁行动, 好班子好干部 and 平时考核 against the demo data: every roll-up is its own figures (本级)
 * plus its children's, and a child's figure in its parent's comparison is its own page's total;
 * the one source figure (牙克石市, 7 contact points in 2023); the grades of fewer than MIN_GROUP
 * withheld; and the names of 担当作为好干部 only inside the caller's name scope.
 */
const staff = { role: "viewer" as const, regionCode: "150000" };
const bayannur = { role: "viewer" as const, regionCode: "150800" };
const year2023: Period = { kind: "year", year: 2023 };
const regions = ["150000", "150800", "150700"];
const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((s, item) => s + of(item), 0);

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("雏雁行动", () => {
  it.each(regions)("the funnel of %s is its 本级 plus its children's", async (region) => {
    const view = await getYoungCadres(db(), staff, { region, period: year2023 });
    if (!view) throw new Error(`no view of ${region}`);
    expect(view.total.selected).toBeGreaterThan(0);
    for (const key of ["selected", "trained", "frontline", "promoted"] as const) {
      expect(
        sum(view.children, (c) => c[key]),
        key,
      ).toBe(view.total[key]);
    }
    if (region !== "150000") expect(view.children[0]).toMatchObject({ code: region, own: true });
    expect(view.children.find((c) => c.own)?.selected ?? 0).toBe(view.own.selected);
    for (const child of view.children.filter((c) => !c.own)) {
      const own = await getYoungCadres(db(), staff, { region: child.code, period: year2023 });
      expect(own?.total, child.code).toEqual(
        expect.objectContaining({ selected: child.selected, promoted: child.promoted }),
      );
    }
  });

  it("a league's total is what its rows add up to, and the rates are of those selected", async () => {
    const view = await getYoungCadres(db(), staff, { region: "150800", period: year2023 });
    const [direct] = await rows<{ selected: number; trained: number; frontline: number; promoted: number }>(
      db(),
      sql`select sum(selected)::int as selected, sum(trained)::int as trained, sum(frontline)::int as frontline,
            sum(promoted)::int as promoted
          from young_cadres y join regions g on g.code = y.region_code
          where y.year = 2023 and g.ancestors @> array['150800']::text[]`,
    );
    expect(view?.total).toMatchObject(direct);
    const t = view?.total;
    if (!t) throw new Error("no total");
    expect(t.trainedRate).toBeCloseTo(t.trained / t.selected, 10);
    expect(t.frontlineRate).toBeCloseTo(t.frontline / t.selected, 10);
    expect(t.promotedRate).toBeCloseTo(t.promoted / t.selected, 10);
    // The trend has every year, and the year shown in it is the total.
    expect(view?.trend.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(view?.trend.find((p) => p.year === 2023)?.selected).toBe(t.selected);
  });

  it("a range adds its years; nothing selected has no rates", async () => {
    const range = await getYoungCadres(db(), staff, {
      region: "150800",
      period: { kind: "range", from: 2021, to: 2022 },
    });
    expect(range?.total.selected).toBe(sum(range?.trend.filter((p) => p.year <= 2022) ?? [], (p) => p.selected));
    const empty = await getYoungCadres(db(), staff, { region: "150800", period: { kind: "year", year: 2030 } });
    expect(empty?.total).toMatchObject({ selected: 0, trainedRate: null, promotedRate: null, under35Share: null });
    expect(await getYoungCadres(db(), staff, { region: "159999" })).toBeNull();
  });
});

describe("好班子好干部", () => {
  it.each(regions)("the selections of %s are its 本级 plus its children's", async (region) => {
    const view = await getSelections(db(), staff, { region, period: year2023 });
    if (!view) throw new Error(`no view of ${region}`);
    expect(view.total.total).toBeGreaterThan(0);
    expect(sum(view.children, (c) => c.total)).toBe(view.total.total);
    expect(sum(view.children, (c) => c.byCategory.担当作为好干部)).toBe(view.total.byCategory.担当作为好干部);
    for (const child of view.children.filter((c) => !c.own)) {
      const own = await getSelections(db(), staff, { region: child.code, period: year2023 });
      expect(own?.total.total, child.code).toBe(child.total);
    }
    const list = await listSelections(db(), staff, { region, period: year2023, page: 1 });
    expect(list?.total).toBe(view.total.total);
  });

  it("names a cadre only inside the caller's name scope; a team's name to all", async () => {
    const all = await listSelections(db(), bayannur, { region: "150000", period: year2023, page: 1 });
    const [{ n }] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from selections where year = 2023`);
    expect(all?.total).toBe(n);
    const pages = Math.ceil(n / (all?.pageSize ?? 50));
    const seen = [];
    for (let page = 1; page <= pages; page++) {
      seen.push(...((await listSelections(db(), bayannur, { region: "150000", period: year2023, page }))?.rows ?? []));
    }
    expect(new Set(seen.map((r) => r.id)).size).toBe(n);
    const inBayannur = (code: string) => code.startsWith("1508");
    const cadres = seen.filter((r) => r.category === "担当作为好干部");
    const teams = seen.filter((r) => r.category === "干事创业好班子");
    expect(cadres.some((r) => inBayannur(r.regionCode))).toBe(true);
    expect(cadres.some((r) => !inBayannur(r.regionCode))).toBe(true);
    for (const row of cadres) {
      const hidden = !inBayannur(row.regionCode);
      expect(row.namesHidden, row.regionCode).toBe(hidden);
      expect(row.name === null, row.regionCode).toBe(hidden);
      if (hidden) expect(row.unit).toBeNull();
    }
    expect(teams.every((r) => r.name !== null && !r.namesHidden)).toBe(true);
    // 150000 users see every name.
    const staffList = await listSelections(db(), staff, {
      region: "150700",
      period: year2023,
      page: 1,
      category: "担当作为好干部",
    });
    expect(staffList?.rows.length).toBeGreaterThan(0);
    expect(staffList?.rows.every((r) => r.name !== null && r.category === "担当作为好干部")).toBe(true);
    expect(await listSelections(db(), staff, { region: "159999", page: 1 })).toBeNull();
  });
});

describe("平时考核", () => {
  it("牙克石市 assessed through exactly 7 contact points in 2023", async () => {
    const view = await getRoutineAssessments(db(), staff, { region: YAKESHI.code, period: year2023 });
    expect(view?.total.contactPoints).toBe(YAKESHI.contactPoints);
    expect(view?.points).toHaveLength(7);
    expect(view?.children).toEqual([]);
    expect(sum(view?.points ?? [], (p) => p.total.assessed)).toBe(view?.total.assessed);
    for (const point of view?.points ?? []) expect(point.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    // In 呼伦贝尔市's comparison, 牙克石市 is the row with its 7 contact points.
    const league = await getRoutineAssessments(db(), staff, { region: "150700", period: year2023 });
    expect(league?.points).toBeNull();
    expect(league?.children.find((c) => c.code === YAKESHI.code)?.contactPoints).toBe(7);
  });

  it.each(regions)("contact points and those assessed of %s are its 本级 plus its children's", async (region) => {
    const view = await getRoutineAssessments(db(), staff, { region, period: year2023 });
    if (!view) throw new Error(`no view of ${region}`);
    expect(view.total.assessed).toBeGreaterThan(0);
    expect(sum(view.children, (c) => c.contactPoints)).toBe(view.total.contactPoints);
    expect(sum(view.children, (c) => c.assessed)).toBe(view.total.assessed);
    expect(sum(view.children, (c) => c.grades?.good ?? 0)).toBe(view.total.grades?.good);
    expect(sum(view.trend, (q) => q.assessed)).toBe(view.total.assessed);
    // Every contact point uses 个人评 in the demo.
    expect(view.methods.个人评).toBe(view.total.contactPoints);
    for (const child of view.children.filter((c) => !c.own)) {
      const own = await getRoutineAssessments(db(), staff, { region: child.code, period: year2023 });
      expect(own?.total.contactPoints, child.code).toBe(child.contactPoints);
    }
  });

  it(`shows fewer than ${MIN_GROUP} assessed as a count only`, async () => {
    const year = 2030;
    await db()
      .insert(routineAssessments)
      .values([
        {
          regionCode: "150825",
          year,
          quarter: 1,
          contactPoint: "乌拉特后旗小所",
          assessed: 2,
          good: 1,
          fairlyGood: 1,
          average: 0,
          poor: 0,
          methods: "个人评、外部评",
        },
        {
          regionCode: "150825",
          year,
          quarter: 1,
          contactPoint: "乌拉特后旗大局",
          assessed: 30,
          good: 10,
          fairlyGood: 15,
          average: 4,
          poor: 1,
          methods: "个人评",
        },
        {
          regionCode: "150802",
          year,
          quarter: 1,
          contactPoint: "临河区小所",
          assessed: 1,
          good: 0,
          fairlyGood: 0,
          average: 0,
          poor: 1,
          methods: "群众评",
        },
      ]);
    const banner = await getRoutineAssessments(db(), staff, { region: "150825", period: { kind: "year", year } });
    const small = banner?.points?.find((p) => p.name === "乌拉特后旗小所");
    expect(small?.total).toEqual({ assessed: 2, grades: null, suppressed: true });
    expect(small?.quarters[0]).toMatchObject({ quarter: 1, assessed: 2, grades: null, suppressed: true });
    expect(banner?.points?.find((p) => p.name === "乌拉特后旗大局")?.total).toEqual({
      assessed: 30,
      grades: { good: 10, fairlyGood: 15, average: 4, poor: 1 },
      suppressed: false,
    });
    expect(banner?.methods).toMatchObject({ 个人评: 2, 外部评: 1, 群众评: 0 });
    const league = await getRoutineAssessments(db(), staff, { region: "150800", period: { kind: "year", year } });
    expect(league?.children.find((c) => c.code === "150802")).toMatchObject({
      contactPoints: 1,
      assessed: 1,
      grades: null,
      suppressed: true,
    });
    expect(league?.trend[0]).toMatchObject({ quarter: 1, contactPoints: 3, assessed: 33, suppressed: false });
    // Nothing reported is no suppression: a quarter without figures.
    expect(league?.trend[1]).toMatchObject({ quarter: 2, assessed: 0, grades: null, suppressed: false });
    await db().delete(routineAssessments).where(sql`${routineAssessments.year} = ${year}`);
  });
});

describe("the years offered", () => {
  it("are the dataset's own", async () => {
    const view = await getSelections(db(), staff, { region: "150000" });
    expect(view?.years).toEqual([2024, 2023, 2022, 2021]);
    expect(view?.period).toEqual({ kind: "year", year: 2024 });
    const [{ n }] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${selections}`);
    expect(n).toBeGreaterThan(0);
  });
});
