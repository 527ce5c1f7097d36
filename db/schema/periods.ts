import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text, timestamp, unique } from "drizzle-orm/pg-core";
import { quarterlyDatasets } from "@/lib/contract";
import { dataset } from "./enums";
import { regions } from "./regions";

/**
 * A reporting period of a dataset: a quarter of the quarterly datasets (lib/contract.ts), a year
 * of the others, opened with the day its reports are due.
 */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dataset: dataset("dataset").notNull(),
    year: smallint("year").notNull(),
    /** Null for a yearly dataset. */
    quarter: smallint("quarter"),
    dueOn: date("due_on").notNull(),
    openedBy: text("opened_by").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reporting_periods_key").on(t.dataset, t.year, t.quarter).nullsNotDistinct(),
    check("reporting_periods_year", sql`${t.year} between 2000 and 2100`),
    check(
      "reporting_periods_quarter",
      // Compared as text: a migration that adds a dataset to the enum cannot use its new value yet.
      sql`(${t.quarter} is null) = (${t.dataset}::text not in (${sql.raw(quarterlyDatasets.map((d) => `'${d}'`).join(", "))})) and (${t.quarter} is null or ${t.quarter} between 1 and 4)`,
    ),
  ],
);

/**
 * A period locked for a region and everything below it (a league for its part, the autonomous
 * region for all): its figures change only after the lock is lifted, with a reason, by the level
 * that set it. Lifted locks stay as history.
 */
export const periodLocks = pgTable(
  "period_locks",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer("period_id")
      .notNull()
      .references(() => reportingPeriods.id),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    lockedBy: text("locked_by").notNull(),
    lockedAt: timestamp("locked_at", { withTimezone: true }).notNull().defaultNow(),
    reopenedBy: text("reopened_by"),
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    reopenReason: text("reopen_reason"),
  },
  (t) => [
    index("period_locks_period_idx").on(t.periodId),
    // One standing lock per period and region.
    unique("period_locks_standing").on(t.periodId, t.regionCode, t.reopenedAt).nullsNotDistinct(),
    check(
      "period_locks_reopen",
      sql`(${t.reopenedAt} is null) = (${t.reopenedBy} is null) and (${t.reopenedAt} is null) = (${t.reopenReason} is null)`,
    ),
  ],
);

export type ReportingPeriod = typeof reportingPeriods.$inferSelect;
