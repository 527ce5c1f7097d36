import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCountFigure } from "@/db/mutations/figures";
import { lockPeriod, openPeriod, openYear, reopenPeriod, setDeadline } from "@/db/mutations/periods";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { listPeriods, overdueColumns, periodsOfYear } from "@/db/queries/periods";
import { outstandingReports } from "@/db/queries/reporting";
import { rows } from "@/db/queries/sql";
import { auditLog, promotions, reportingPeriods } from "@/db/schema";
import { canLockFor, canManagePeriods, type Viewer } from "@/lib/auth/permissions";
import { daysBetween, defaultDueOn, todayInChina } from "@/lib/calendar";
import { apiMessage } from "@/server/http";
import { testDatabase } from "../helpers/db";
import { refusedWith, uploadPromotions } from "../helpers/promotions";
import { person } from "../helpers/viewers";

const admin = person("admin", "admin", "150000");
const rootClerk = person("root-clerk", "clerk", "150000");
const leagueClerk = person("bayannur-clerk", "clerk", "150800");
const bannerClerk = person("wuhou-clerk", "clerk", "150825");
const leader = person("bayannur-leader", "viewer", "150800");

const BAYANNUR = ["巴彦淖尔市", "临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗"];

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;

const upload = (actor: Viewer, lines: string[], dryRun = false) => uploadPromotions(db(), actor, lines, dryRun);

const periodId = async (dataset: "promotions" | "arena", year: number, quarter: number | null) => {
  const [p] = await db()
    .select({ id: reportingPeriods.id })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.dataset, dataset),
        eq(reportingPeriods.year, year),
        quarter === null ? sql`${reportingPeriods.quarter} is null` : eq(reportingPeriods.quarter, quarter),
      ),
    );
  return p.id;
};

const audits = (action: string) =>
  rows<{ detail: Record<string, unknown> }>(
    db(),
    sql`select detail from audit_log where action = ${action} order by id`,
  );

let firstBatch = 0;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  // Every reporting region of Bayannur reports 2023 Q1; only 乌拉特后旗 reports Q2.
  const report = await upload(leagueClerk, [
    ...BAYANNUR.map((name) => `${name},2023,1,乡村振兴,3`),
    "乌拉特后旗,2023,2,乡村振兴,4",
  ]);
  expect(report.errors).toEqual([]);
  firstBatch = report.batchId ?? 0;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("who runs the calendar", () => {
  it("opens periods: administrators and the autonomous region's clerks; locks: a league's or the region's own clerk", () => {
    expect([admin, rootClerk, leagueClerk, bannerClerk, leader].map(canManagePeriods)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const bayannur = { code: "150800", level: "prefecture" };
    const root = { code: "150000", level: "autonomous_region" };
    const banner = { code: "150825", level: "county" };
    expect([admin, rootClerk, leagueClerk, bannerClerk, leader].map((p) => canLockFor(p, bayannur))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(canLockFor(rootClerk, root)).toBe(true);
    expect(canLockFor(leagueClerk, root)).toBe(false);
    // A banner is never locked on its own: its league locks its part.
    expect(canLockFor(bannerClerk, banner)).toBe(false);
    expect(canLockFor(admin, banner)).toBe(false);
  });
});

describe("opening a year", () => {
  it("opens each dataset's quarters or year once, due on the default days, with one audit entry", async () => {
    expect(await refusedWith(openYear(db(), leagueClerk, 2023))).toBe("403 periods.api.notManager");
    // 4 quarters each of promotions, adjustments and routine_assessments; the year of the 7 others.
    expect(await openYear(db(), rootClerk, 2023)).toEqual({ created: periodsOfYear(2023).length });
    expect(await openYear(db(), admin, 2023)).toEqual({ created: 0 });
    const opened = await db().select().from(reportingPeriods).where(eq(reportingPeriods.year, 2023));
    const due = Object.fromEntries(opened.map((p) => [`${p.dataset}${p.quarter ?? ""}`, p.dueOn]));
    expect(due).toMatchObject({
      promotions1: "2023-04-15",
      promotions3: "2023-10-15",
      promotions4: "2024-01-15",
      adjustments2: "2023-07-15",
      arena: "2024-01-31",
      projects: "2024-01-31",
      indicators: "2024-01-31",
      evaluations: "2024-01-31",
      routine_assessments2: "2023-07-15",
    });
    expect(defaultDueOn(2025, 1)).toBe("2025-04-15");
    expect((await audits("period.open")).map((a) => a.detail)).toEqual([
      { year: 2023, created: periodsOfYear(2023).length },
    ]);
  });

  it("opens one period of a dataset with its own deadline, once", async () => {
    const q2 = { dataset: "promotions", year: 2031, quarter: 2, dueOn: "2031-07-31" } as const;
    expect(await refusedWith(openPeriod(db(), leagueClerk, q2))).toBe("403 periods.api.notManager");
    expect(await openPeriod(db(), rootClerk, q2)).toEqual({ created: 1 });
    expect(await refusedWith(openPeriod(db(), rootClerk, q2))).toBe("409 periods.api.alreadyOpen");
    expect(await refusedWith(openPeriod(db(), rootClerk, { ...q2, quarter: undefined }))).toBe(
      "400 periods.api.quarterNeeded",
    );
    expect(
      await refusedWith(openPeriod(db(), rootClerk, { dataset: "arena", year: 2031, quarter: 1, dueOn: "2032-01-31" })),
    ).toBe("400 periods.api.noQuarter");
    expect(await refusedWith(openPeriod(db(), rootClerk, { ...q2, quarter: 3, dueOn: "2031-09-01" }))).toBe(
      "400 periods.api.dueBeforeEnd",
    );
    const opened = await db().select().from(reportingPeriods).where(eq(reportingPeriods.year, 2031));
    expect(opened.map((p) => [p.dataset, p.quarter, p.dueOn])).toEqual([["promotions", 2, "2031-07-31"]]);
    // The year's other periods are opened around it, the one already open left as it is.
    expect(await openYear(db(), rootClerk, 2031)).toEqual({ created: periodsOfYear(2031).length - 1 });
  });

  it("moves a deadline, never to before the period has ended", async () => {
    const id = await periodId("promotions", 2023, 2);
    expect(await refusedWith(setDeadline(db(), rootClerk, id, "2023-06-30"))).toBe("400 periods.api.dueBeforeEnd");
    expect(await refusedWith(setDeadline(db(), leagueClerk, id, "2023-07-20"))).toBe("403 periods.api.notManager");
    expect(await setDeadline(db(), rootClerk, id, "2023-07-20")).toEqual({ dueOn: "2023-07-20" });
    expect((await audits("period.deadline")).at(-1)?.detail).toMatchObject({
      before: "2023-07-15",
      after: "2023-07-20",
    });
  });
});

describe("the refusals", () => {
  it("read as sentences in both languages, never as keys", async () => {
    const source = fs.readFileSync("db/mutations/periods.ts", "utf8");
    const reasons = [...source.matchAll(/"(periods\.api\.\w+)"/g)].map((m) => m[1]);
    expect(new Set(reasons).size).toBeGreaterThanOrEqual(6);
    for (const reason of reasons) {
      for (const locale of ["zh-CN", "en"] as const) {
        const text = apiMessage(locale, reason, {
          id: 1,
          day: "2024-01-01",
          missing: 2,
          count: 1,
          region: "巴彦淖尔市",
        });
        expect(text, `${locale} ${reason}`).not.toContain("periods.api");
      }
    }
    expect(apiMessage("zh-CN", "lockedFigure", { year: 2023, quarter: 1, region: "巴彦淖尔市" })).toMatch(
      /^2023年第1季度的数据已由巴彦淖尔市锁定/,
    );
  });
});

describe("the outstanding list", () => {
  it("gives each missing report its period's deadline and the days past it", async () => {
    const missing =
      (await outstandingReports(db(), leagueClerk, { region: "150825", year: 2023, dataset: "promotions" })) ?? [];
    expect(missing.map((r) => [r.quarter, r.dueOn])).toEqual([
      [3, "2023-10-15"],
      [4, "2024-01-15"],
    ]);
    expect(missing[0].daysOverdue).toBe(daysBetween("2023-10-15", todayInChina()));
    // The reporting board's columns past their deadline.
    const late = await overdueColumns(db(), 2023);
    expect(late["promotions:3"]).toEqual({ dueOn: "2023-10-15", days: daysBetween("2023-10-15", todayInChina()) });
    expect(late.arena).toMatchObject({ dueOn: "2024-01-31" });
    expect(await overdueColumns(db(), 2029)).toEqual({});
    // A year without opened periods has no deadlines.
    const later =
      (await outstandingReports(db(), leagueClerk, { region: "150825", year: 2029, dataset: "arena" })) ?? [];
    expect(later).toMatchObject([{ dueOn: null, daysOverdue: null }]);
  });
});

describe("locking a period", () => {
  it("is refused before the deadline, while reports are missing, and to anyone but the level's own clerk", async () => {
    // Next year's deadlines are all ahead, whenever the test runs.
    const next = new Date().getFullYear() + 1;
    await openYear(db(), admin, next);
    expect(await refusedWith(lockPeriod(db(), leagueClerk, await periodId("promotions", next, 1), "150800"))).toBe(
      "409 periods.api.notDue",
    );
    const q2 = await periodId("promotions", 2023, 2);
    expect(await refusedWith(lockPeriod(db(), leagueClerk, q2, "150800"))).toBe("409 periods.api.incomplete");
    const q1 = await periodId("promotions", 2023, 1);
    expect(await refusedWith(lockPeriod(db(), bannerClerk, q1, "150800"))).toBe("403 periods.api.notYourLevel");
    expect(await refusedWith(lockPeriod(db(), leagueClerk, q1, "150600"))).toBe("403 periods.api.notYourLevel");
  });

  it("locks the league's part once every report is in; the list says so", async () => {
    const q1 = await periodId("promotions", 2023, 1);
    expect(await lockPeriod(db(), leagueClerk, q1, "150800")).toEqual({ locked: true });
    expect(await refusedWith(lockPeriod(db(), admin, q1, "150800"))).toBe("409 periods.api.alreadyLocked");
    const list = await listPeriods(db(), leagueClerk, 2023);
    const row = list.find((p) => p.id === q1);
    expect(row).toMatchObject({
      completeness: { reported: 8, expected: 8 },
      lock: { regionCode: "150800", regionName: "巴彦淖尔市" },
      canLock: false,
      canReopen: true,
    });
    expect(row?.daysOverdue).toBeGreaterThan(0);
    // The banner sees the lock set above it, and may not lift it.
    const seen = (await listPeriods(db(), bannerClerk, 2023)).find((p) => p.id === q1);
    expect(seen).toMatchObject({ lock: { regionCode: "150800" }, canLock: false, canReopen: false, canEdit: false });
    expect(seen?.completeness).toEqual({ reported: 1, expected: 1 });
    // Another league's part of the same period stays open.
    expect((await listPeriods(db(), person("bt", "clerk", "150200"), 2023)).find((p) => p.id === q1)?.lock).toBeNull();
  });

  it("refuses new and changed figures of the locked part by upload, entry and undo; unchanged rows pass", async () => {
    const before = await db().select().from(promotions);
    const changed = await upload(bannerClerk, ["乌拉特后旗,2023,1,乡村振兴,9", "乌拉特后旗,2023,1,基层治理,1"]);
    expect(changed.ok).toBe(false);
    expect(changed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "年度", "2023年第1季度的数据已由巴彦淖尔市锁定，不能新增或修改；如需更正，请联系巴彦淖尔市重新开放该时段。"],
      [3, "年度", "2023年第1季度的数据已由巴彦淖尔市锁定，不能新增或修改；如需更正，请联系巴彦淖尔市重新开放该时段。"],
    ]);
    const same = await upload(bannerClerk, ["乌拉特后旗,2023,1,乡村振兴,3", "乌拉特后旗,2023,2,乡村振兴,5"]);
    expect(same).toMatchObject({ ok: true, unchanged: 1, updated: 1 });
    // Other leagues are not covered by Bayannur's lock.
    expect(await upload(admin, ["包头市,2023,1,乡村振兴,2"], true)).toMatchObject({ ok: true, inserted: 1 });

    const entry = {
      dataset: "promotions",
      region: "150825",
      year: 2023,
      quarter: 1,
      key: "乡村振兴",
      count: 7,
    } as const;
    expect(await refusedWith(writeCountFigure(db(), bannerClerk, entry))).toBe("409 lockedFigure");
    expect(await refusedWith(undoBatch(db(), leagueClerk, firstBatch))).toBe("409 import.api.lockedUndo");
    const after = await db()
      .select()
      .from(promotions)
      .where(and(eq(promotions.year, 2023), eq(promotions.quarter, 1)));
    expect(after.map((r) => r.count).sort()).toEqual(
      before
        .filter((r) => r.quarter === 1)
        .map((r) => r.count)
        .sort(),
    );
  });

  it("is lifted with a reason by the level that set it, and the figures may change again", async () => {
    const q1 = await periodId("promotions", 2023, 1);
    expect(await refusedWith(reopenPeriod(db(), bannerClerk, q1, "150800", "更正"))).toBe(
      "403 periods.api.notYourLevel",
    );
    expect(await reopenPeriod(db(), leagueClerk, q1, "150800", "乌拉特后旗更正一季度数据")).toEqual({ reopened: true });
    expect(await refusedWith(reopenPeriod(db(), leagueClerk, q1, "150800", "再次"))).toBe("409 periods.api.notLocked");
    expect(await upload(bannerClerk, ["乌拉特后旗,2023,1,乡村振兴,9"], true)).toMatchObject({ ok: true, updated: 1 });
    expect((await audits("period.lock")).length).toBe(1);
    expect((await audits("period.reopen")).map((a) => a.detail)).toEqual([
      { dataset: "promotions", year: 2023, quarter: 1, reason: "乌拉特后旗更正一季度数据" },
    ]);
    // The lock and its lifting stay on record.
    const [{ n }] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from period_locks where reopened_at is not null`,
    );
    expect(n).toBe(1);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "period.lock"))).toHaveLength(1);
  });
});
