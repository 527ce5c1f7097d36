import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { NoticeKind } from "@/lib/api/notices";
import { canReceiveNotices, ROOT_REGION, type Viewer } from "@/lib/auth/permissions";
import { daysBetween, todayInChina } from "@/lib/calendar";
import type { Dataset } from "@/lib/contract";
import { reminderOn, termOf } from "@/lib/terms";
import type { Db, Tx } from "../connect";
import { organisationTerms } from "../queries/organisations";
import { periodOf } from "../queries/periods";
import { cellKey, reportedCells } from "../queries/reporting";
import { REPORTING_LEVELS, within } from "../queries/rollup";
import { noticeReads, notices, regions, reportingPeriods } from "../schema";

type NewNotice = {
  kind: NoticeKind;
  regionCode: string;
  period: { id: number; dataset: Dataset; year: number; quarter: number | null };
  detail: Record<string, string | number>;
  /** What makes it the same notice again (a lock's id; nothing for a deadline: once per period). */
  ref?: string | number;
};

async function addNotices(db: Db | Tx, list: NewNotice[]) {
  if (list.length === 0) return 0;
  const added = await db
    .insert(notices)
    .values(
      list.map((n) => ({
        dedupeKey: [n.kind, n.period.id, n.regionCode, n.ref ?? ""].join(":"),
        kind: n.kind,
        regionCode: n.regionCode,
        periodId: n.period.id,
        dataset: n.period.dataset,
        year: n.period.year,
        quarter: n.period.quarter,
        detail: n.detail,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notices.id });
  return added.length;
}

/**
 * The deadline notices: for every period due within 7 days, or past due, each reporting region
 * whose report is not in hears of it once (临近截止, then 已逾期), and each league once of how many
 * regions below it are missing. Safe to run often and from several processes: a notice that
 * exists is not made again. Returns how many were made.
 */
export async function refreshDeadlineNotices(db: Db, today = todayInChina()): Promise<number> {
  return (await refreshPeriodNotices(db, today)) + (await refreshTermNotices(db, today));
}

async function refreshPeriodNotices(db: Db, today: string): Promise<number> {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const due = await db.select().from(reportingPeriods).where(lte(reportingPeriods.dueOn, soon));
  if (due.length === 0) return 0;
  const reporters = await db
    .select({ code: regions.code, level: regions.level, ancestors: regions.ancestors })
    .from(regions)
    .where(and(inArray(regions.level, REPORTING_LEVELS), isNull(regions.validTo)));
  let made = 0;
  for (const period of due) {
    const { cells } = await reportedCells(db, ROOT_REGION, 1, periodOf(period));
    const inKeys = new Set(cells.map(cellKey));
    const missing = reporters.filter(
      (r) =>
        !inKeys.has(cellKey({ code: r.code, dataset: period.dataset, year: period.year, quarter: period.quarter })),
    );
    if (missing.length === 0) continue;
    const overdue = daysBetween(period.dueOn, today) > 0;
    const kind = overdue ? "overdue" : "due_soon";
    const detail = { dueOn: period.dueOn };
    const perLeague = new Map<string, number>();
    for (const r of missing) {
      const league = r.ancestors[1];
      if (overdue && league && league !== r.code) perLeague.set(league, (perLeague.get(league) ?? 0) + 1);
    }
    made += await addNotices(db, [
      ...missing.map((r) => ({ kind, regionCode: r.code, period, detail }) as const),
      ...[...perLeague].map(
        ([league, count]) =>
          ({ kind: "overdue_below", regionCode: league, period, detail: { ...detail, missing: count } }) as const,
      ),
    ]);
  }
  return made;
}

/**
 * The term reminders of Party organisations (中办《关于党的基层组织任期的意见》: the organisation above
 * reminds about six months before the term ends): from six months before an organisation's
 * effective end (lib/terms.ts, an approved adjustment included) its region hears once that the term
 * ends on that day (term_due), and once more if the day passes without an election (term_overdue).
 * A new election or an approved new end is a new end, so a new reminder. Returns how many were made.
 */
export async function refreshTermNotices(db: Db, today = todayInChina()): Promise<number> {
  const list = await organisationTerms(db);
  const made: (typeof notices.$inferInsert)[] = [];
  for (const org of list) {
    const adjustment =
      org.adjustment && org.adjustedEndsOn ? { type: org.adjustment, endsOn: org.adjustedEndsOn } : null;
    const term = termOf({ ...org, adjustment }, today);
    if (today < reminderOn(term.endsOn)) continue;
    const kind = term.status === "逾期未换届" ? "term_overdue" : "term_due";
    made.push({
      dedupeKey: [kind, "organisation", org.id, term.endsOn].join(":"),
      kind,
      regionCode: org.regionCode,
      periodId: null,
      dataset: "organisations",
      year: Number(term.endsOn.slice(0, 4)),
      quarter: null,
      detail: { organisation: org.name, endsOn: term.endsOn },
    });
  }
  let added = 0;
  for (let i = 0; i < made.length; i += 1000) {
    const rows = await db
      .insert(notices)
      .values(made.slice(i, i + 1000))
      .onConflictDoNothing()
      .returning({ id: notices.id });
    added += rows.length;
  }
  return added;
}

/** A lock set or lifted: every reporting region of the locked part hears of it. */
export async function noticeOfLock(
  tx: Tx,
  kind: "locked" | "reopened",
  lock: { id: number; regionCode: string; regionName: string; reason?: string },
  period: NewNotice["period"],
) {
  const below = await tx
    .select({ code: regions.code })
    .from(regions)
    .where(and(within(lock.regionCode, regions.ancestors), inArray(regions.level, REPORTING_LEVELS)));
  const detail = { lockedBy: lock.regionName, ...(lock.reason ? { reason: lock.reason } : {}) };
  await addNotices(
    tx,
    below.map((r) => ({ kind, regionCode: r.code, period, detail, ref: lock.id })),
  );
}

/**
 * A submission's step: the reviewers (the region above) hear that one is waiting; the reporting
 * region hears that its report was returned, with the reason, or approved.
 */
export async function noticeOfSubmission(
  tx: Tx,
  kind: "submitted" | "returned" | "approved",
  submission: {
    id: number;
    dataset: Dataset;
    periodId: number;
    year: number;
    quarter: number | null;
    regionCode: string;
    version: number;
    reason?: string;
  },
) {
  const [region] = await tx
    .select({ name: regions.nameZh, parent: regions.parentCode })
    .from(regions)
    .where(eq(regions.code, submission.regionCode));
  const audience = kind === "submitted" ? region?.parent : submission.regionCode;
  if (!region || !audience) return;
  const period = {
    id: submission.periodId,
    dataset: submission.dataset,
    year: submission.year,
    quarter: submission.quarter,
  };
  const detail = {
    from: region.name,
    version: submission.version,
    submission: submission.id,
    ...(submission.reason ? { reason: submission.reason } : {}),
  };
  await addNotices(tx, [{ kind, regionCode: audience, period, detail, ref: submission.id }]);
}

/** Marks every notice the user can see as read. */
export async function markAllRead(db: Db, viewer: Viewer): Promise<{ read: number }> {
  if (!canReceiveNotices(viewer)) return { read: 0 };
  const own = await db.select({ id: notices.id }).from(notices).where(eq(notices.regionCode, viewer.regionCode));
  if (own.length === 0) return { read: 0 };
  const read = await db
    .insert(noticeReads)
    .values(own.map((n) => ({ noticeId: n.id, userId: viewer.id })))
    .onConflictDoNothing()
    .returning({ id: noticeReads.noticeId });
  return { read: read.length };
}
