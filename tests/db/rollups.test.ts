import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getAdjustments } from "@/db/queries/adjustments";
import { getArenaBoard } from "@/db/queries/arena";
import { getOverview } from "@/db/queries/overview";
import { getPromotions } from "@/db/queries/promotions";
import type { Period } from "@/lib/view";
import { testDatabase } from "../helpers/db";

/**
 * Every dataset's roll-up agrees with itself read the other way: a region's total is its own
 * figures (本级) plus its children's, and the figure a child shows in its parent's comparison is
 * the total that child's own page shows. The overview reads the same totals as the dataset pages.
 */
const staff = { role: "viewer" as const, regionCode: "150000" };
const year2023: Period = { kind: "year", year: 2023 };
const regions = ["150000", "150800", "150200"];

describe("roll-ups: own plus children, read one way", () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: true });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((s, item) => s + of(item), 0);

  it.each(regions)("promotions of %s", async (region) => {
    const view = await getPromotions(database.db, staff, { region, period: year2023 });
    if (!view) throw new Error(`no view of ${region}`);
    expect(view.total.total).toBeGreaterThan(0);
    expect(sum(view.children, (c) => c.total)).toBe(view.total.total);
    expect(sum(view.children, (c) => c.frontline)).toBe(view.total.frontline);
    expect(view.children.find((c) => c.own)?.total ?? 0).toBe(view.own.total);
    for (const child of view.children.filter((c) => !c.own)) {
      const own = await getPromotions(database.db, staff, { region: child.code, period: year2023 });
      expect(own?.total.total, child.code).toBe(child.total);
    }
  });

  it.each(regions)("adjustments of %s", async (region) => {
    const view = await getAdjustments(database.db, staff, { region, period: year2023 });
    if (!view) throw new Error(`no view of ${region}`);
    expect(view.total.down + view.total.up).toBeGreaterThan(0);
    expect(sum(view.children, (c) => c.down)).toBe(view.total.down);
    expect(sum(view.children, (c) => c.up)).toBe(view.total.up);
    for (const child of view.children.filter((c) => !c.own)) {
      const own = await getAdjustments(database.db, staff, { region: child.code, period: year2023 });
      expect(own?.total, child.code).toMatchObject({ down: child.down, up: child.up });
    }
  });

  it.each(regions)("arena entries of %s", async (region) => {
    const board = await getArenaBoard(database.db, staff, { region, period: year2023 });
    if (!board) throw new Error(`no board of ${region}`);
    expect(board.entries).toBeGreaterThan(0);
    expect(sum(board.children, (c) => c.entries)).toBe(board.entries);
    for (const child of board.children.filter((c) => !c.own)) {
      const own = await getArenaBoard(database.db, staff, { region: child.code, period: year2023 });
      expect(own?.entries, child.code).toBe(child.entries);
    }
  });

  it.each(regions)("the overview of %s shows the dataset pages' totals, and its children add up", async (region) => {
    const [overview, promotions, arena] = await Promise.all([
      getOverview(database.db, staff, { region, period: year2023 }),
      getPromotions(database.db, staff, { region, period: year2023 }),
      getArenaBoard(database.db, staff, { region, period: year2023 }),
    ]);
    if (!overview) throw new Error(`no overview of ${region}`);
    expect(overview.totals.promotions.total).toBe(promotions?.total.total);
    expect(overview.totals.arena.entries).toBe(arena?.entries);
    expect(sum(overview.children, (c) => c.promotions.total)).toBe(overview.totals.promotions.total);
    expect(sum(overview.children, (c) => c.arena.entries)).toBe(overview.totals.arena.entries);
    expect(sum(overview.children, (c) => c.projects.projects)).toBe(overview.totals.projects.projects);
    expect(overview.totals.projects.projects).toBeGreaterThan(0);
  });
});
