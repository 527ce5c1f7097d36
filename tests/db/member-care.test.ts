import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getMemberCare } from "@/db/queries/member-care";
import { GOVERNMENT_OFFICE } from "@/db/seed/demo-care";
import type { Period } from "@/lib/view";
import { testDatabase } from "../helpers/db";

/**
 * 政治生日 against the demo data: the source figure (the government office's Party committee, 62
 * members since August 2023, 18 in December), every roll-up its own figures (本级) plus its
 * children's, the months of a quarter, and the coverage of what was due.
 */
const staff = { role: "viewer" as const, regionCode: "150000" };
const year2023: Period = { kind: "year", year: 2023 };
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

async function view(region: string, period: Period = year2023) {
  const found = await getMemberCare(db(), staff, { region, period });
  if (!found) throw new Error(`no view of ${region}`);
  return found;
}

describe("政治生日", () => {
  it("the government office's Party committee: 62 members since August 2023, 18 in December", async () => {
    const root = await view("150000");
    const office = root.units.find((u) => u.unit === GOVERNMENT_OFFICE.unit);
    expect(office).toMatchObject({ celebrated: 62, due: 62, months: 5, coverage: 1 });
    const december = await view("150000", { kind: "quarter", year: 2023, quarter: 4 });
    expect(december.trend.map((m) => m.month)).toEqual([10, 11, 12]);
    const officeQ4 = december.units.find((u) => u.unit === GOVERNMENT_OFFICE.unit);
    expect(officeQ4).toMatchObject({ celebrated: 12 + 11 + 18, months: 3 });
    expect(root.units.length).toBeGreaterThan(1);
  });

  it.each(["150000", "150800", "150700"])("the figures of %s are its 本级 plus its children's", async (region) => {
    const found = await view(region);
    expect(found.total.due).toBeGreaterThan(0);
    for (const key of ["units", "due", "celebrated"] as const) {
      expect(
        sum(found.children, (c) => c[key]),
        key,
      ).toBe(found.total[key]);
    }
    expect(found.children.find((c) => c.own)?.due ?? 0).toBe(found.own.due);
    expect(sum(found.units, (u) => u.due)).toBe(found.own.due);
    expect(sum(found.trend, (m) => m.celebrated)).toBe(found.total.celebrated);
    expect(found.total.coverage).toBeCloseTo(found.total.celebrated / found.total.due, 10);
    expect(found.total.coverage).toBeLessThanOrEqual(1);
  });

  it("a child's figures in its parent's comparison are its own page's total", async () => {
    const bayannur = await view("150800");
    const urad = bayannur.children.find((c) => c.code === "150825");
    const own = await view("150825");
    expect(urad).toMatchObject({ due: own.total.due, celebrated: own.total.celebrated, units: own.total.units });
    expect(own.children).toEqual([]);
    expect(own.units.every((u) => u.regionCode === "150825")).toBe(true);
  });

  it("a range adds its years; an empty year shows no coverage", async () => {
    const [y2023, y2024, range] = await Promise.all([
      view("150800"),
      view("150800", { kind: "year", year: 2024 }),
      view("150800", { kind: "range", from: 2023, to: 2024 }),
    ]);
    expect(range.total.due).toBe(y2023.total.due + y2024.total.due);
    expect(range.trend).toHaveLength(24);
    const empty = await view("150800", { kind: "year", year: 2019 });
    expect(empty.total).toEqual({ units: 0, due: 0, celebrated: 0, coverage: null });
  });
});
