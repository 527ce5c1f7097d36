import { and, eq, isNull, sql } from "drizzle-orm";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import { canLockFor, canManagePeriods, type Viewer } from "@/lib/auth/permissions";
import { daysBetween, defaultDueOn, todayInChina } from "@/lib/calendar";
import type { Dataset } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import type { Db } from "../connect";
import { isQuarterly, periodOf, periodsOfYear } from "../queries/periods";
import { periodDays } from "../queries/records";
import { getRegionPath } from "../queries/regions";
import { completenessOf } from "../queries/reporting";
import { within } from "../queries/rollup";
import { rows } from "../queries/sql";
import { periodLocks, regions, reportingPeriods } from "../schema";
import { writeAudit } from "./audit";
import { lockDataset } from "./datasets";
import { noticeOfLock } from "./notices";

/**
 * The reporting cycle's calendar: periods opened with their deadlines, and locks that freeze a
 * period's figures for a region and everything below it. Each change is one transaction with its
 * audit entry; the rules are lib/auth/permissions.ts canManagePeriods and canLockFor.
 */

const requireManager = (viewer: Viewer) => {
  if (!canManagePeriods(viewer)) throw new AccessDenied("periods.api.notManager");
};

/** Opens every period of a year that is not open yet, each due on its default day. */
export async function openYear(db: Db, viewer: Viewer, year: number, ip: string | null = null) {
  requireManager(viewer);
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(reportingPeriods)
      .values(periodsOfYear(year).map((p) => ({ ...p, dueOn: defaultDueOn(p.year, p.quarter), openedBy: viewer.id })))
      .onConflictDoNothing()
      .returning({ id: reportingPeriods.id });
    if (created.length > 0) {
      await writeAudit(tx, {
        actor: viewer.id,
        action: "period.open",
        ip,
        regionCode: viewer.regionCode,
        detail: { year, created: created.length },
      });
    }
    return { created: created.length };
  });
}

/** Opens one period of a dataset with its deadline (a quarter of the quarterly datasets, a year of the others). */
export async function openPeriod(
  db: Db,
  viewer: Viewer,
  { dataset, year, quarter, dueOn }: { dataset: Dataset; year: number; quarter?: number; dueOn: string },
  ip: string | null = null,
) {
  requireManager(viewer);
  if (isQuarterly(dataset) !== (quarter !== undefined)) {
    throw new RequestRefused(400, isQuarterly(dataset) ? "periods.api.quarterNeeded" : "periods.api.noQuarter");
  }
  const period = { dataset, year, quarter: quarter ?? null };
  refuseEarlyDeadline(period, dueOn);
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(reportingPeriods)
      .values({ ...period, dueOn, openedBy: viewer.id })
      .onConflictDoNothing()
      .returning({ id: reportingPeriods.id });
    if (created.length === 0) throw new RequestRefused(409, "periods.api.alreadyOpen");
    await writeAudit(tx, {
      actor: viewer.id,
      action: "period.open",
      ip,
      regionCode: viewer.regionCode,
      detail: { ...period, dueOn, created: 1 },
    });
    return { created: 1 };
  });
}

/** A deadline before the period has ended cannot be met. */
function refuseEarlyDeadline(period: { year: number; quarter: number | null }, dueOn: string) {
  const after = periodDays(periodOf(period)).until;
  if (dueOn < after) {
    const lastDay = new Date(Date.parse(`${after}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    throw new RequestRefused(400, "periods.api.dueBeforeEnd", { day: lastDay });
  }
}

export async function setDeadline(db: Db, viewer: Viewer, id: number, dueOn: string, ip: string | null = null) {
  requireManager(viewer);
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).for("update");
    if (!period) throw new NotFound("periods.api.notFound", { id });
    refuseEarlyDeadline(period, dueOn);
    await tx.update(reportingPeriods).set({ dueOn }).where(eq(reportingPeriods.id, id));
    await writeAudit(tx, {
      actor: viewer.id,
      action: "period.deadline",
      ip,
      regionCode: viewer.regionCode,
      detail: {
        dataset: period.dataset,
        year: period.year,
        quarter: period.quarter,
        before: period.dueOn,
        after: dueOn,
      },
    });
    return { dueOn };
  });
}

/**
 * Locks a period for a region (the autonomous region or a league) and everything below it, once
 * its deadline has passed and every report expected of that part is in.
 */
export async function lockPeriod(db: Db, viewer: Viewer, id: number, regionCode: string, ip: string | null = null) {
  const region = await getRegionPath(db, regionCode);
  if (!region) throw new NotFound("regionNotFound", { code: regionCode });
  if (!canLockFor(viewer, region)) throw new AccessDenied("periods.api.notYourLevel");
  const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  if (!period) throw new NotFound("periods.api.notFound", { id });
  if (daysBetween(period.dueOn, todayInChina()) <= 0) {
    throw new RequestRefused(409, "periods.api.notDue", { day: period.dueOn });
  }
  const { total } = await completenessOf(db, region.code, region.path.length, periodOf(period), [period.dataset]);
  if (total.reported < total.expected) {
    throw new RequestRefused(409, "periods.api.incomplete", { missing: total.expected - total.reported });
  }
  return db.transaction(async (tx) => {
    // Uploads check and write a dataset under its lock: one in flight finishes first, none starts meanwhile.
    await lockDataset(tx, DATASETS[period.dataset]);
    // Every report in is not enough: none may still wait for review or correction.
    const [open] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from submissions s join regions r on r.code = s.region_code
          where s.period_id = ${id} and s.status in ('pending', 'returned') and ${within(region.code, sql`r.ancestors`)}`,
    );
    if (open.n > 0) throw new RequestRefused(409, "periods.api.openSubmissions", { count: open.n });
    // A lock above already covers the region; one below is simply added to.
    const [above] = await tx
      .select({ name: regions.nameZh })
      .from(periodLocks)
      .innerJoin(regions, eq(regions.code, periodLocks.regionCode))
      .where(
        and(
          eq(periodLocks.periodId, id),
          isNull(periodLocks.reopenedAt),
          sql`${periodLocks.regionCode} = any(${sql.param(region.path.map((r) => r.code))}::text[])`,
        ),
      );
    if (above) throw new RequestRefused(409, "periods.api.alreadyLocked", { region: above.name });
    const inserted = await tx
      .insert(periodLocks)
      .values({ periodId: id, regionCode: region.code, lockedBy: viewer.id })
      .onConflictDoNothing()
      .returning({ id: periodLocks.id });
    // Two people locking at once: the unique standing lock lets one through; the other is told.
    if (inserted.length === 0) throw new RequestRefused(409, "periods.api.alreadyLocked", { region: region.nameZh });
    await noticeOfLock(
      tx,
      "locked",
      { id: inserted[0].id, regionCode: region.code, regionName: region.nameZh },
      period,
    );
    await writeAudit(tx, {
      actor: viewer.id,
      action: "period.lock",
      ip,
      regionCode: region.code,
      detail: { dataset: period.dataset, year: period.year, quarter: period.quarter },
    });
    return { locked: true as const };
  });
}

/** Lifts a region's standing lock, with the reason, by the level that set it (or an administrator). */
export async function reopenPeriod(
  db: Db,
  viewer: Viewer,
  id: number,
  regionCode: string,
  reason: string,
  ip: string | null = null,
) {
  const region = await getRegionPath(db, regionCode);
  if (!region) throw new NotFound("regionNotFound", { code: regionCode });
  if (!canLockFor(viewer, region)) throw new AccessDenied("periods.api.notYourLevel");
  return db.transaction(async (tx) => {
    const [lifted] = await tx
      .update(periodLocks)
      .set({ reopenedAt: sql`now()`, reopenedBy: viewer.id, reopenReason: reason })
      .where(and(eq(periodLocks.periodId, id), eq(periodLocks.regionCode, region.code), isNull(periodLocks.reopenedAt)))
      .returning({ id: periodLocks.id });
    if (!lifted) throw new RequestRefused(409, "periods.api.notLocked", { region: region.nameZh });
    const [period] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
    const lock = { id: lifted.id, regionCode: region.code, regionName: region.nameZh, reason };
    await noticeOfLock(tx, "reopened", lock, period);
    await writeAudit(tx, {
      actor: viewer.id,
      action: "period.reopen",
      ip,
      regionCode: region.code,
      detail: { dataset: period.dataset, year: period.year, quarter: period.quarter, reason },
    });
    return { reopened: true as const };
  });
}
