import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { uploadBatches } from "./batches";
import { batchSource, dataset } from "./enums";
import { reportingPeriods } from "./periods";
import { regions } from "./regions";

export const submissionStatuses = ["pending", "returned", "approved", "superseded"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/**
 * One version of a region's report for a period of a dataset, as its clerk sent it: waiting for
 * the region above (pending), sent back with a reason (returned), published (approved, with the
 * batch that wrote it), or replaced by a later version (superseded; kept as history). At most
 * one version of a region's report is open (pending or returned) at a time.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dataset: dataset("dataset").notNull(),
    periodId: integer("period_id")
      .notNull()
      .references(() => reportingPeriods.id),
    /** The reporting region: the submitter's home, whose parent reviews it. */
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    version: smallint("version").notNull(),
    status: text("status").$type<SubmissionStatus>().notNull().default("pending"),
    source: batchSource("source").notNull(),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    submittedBy: text("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    rows: integer("rows").notNull(),
    /** The regions its rows are of (a league's clerk may report for its banners too). */
    regions: text("regions").array().notNull(),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Why it was returned. */
    reason: text("reason"),
    /** The batch that published it, once approved. */
    batchId: integer("batch_id").references(() => uploadBatches.id),
  },
  (t) => [
    index("submissions_region_idx").on(t.regionCode, t.periodId),
    uniqueIndex("submissions_open")
      .on(t.dataset, t.periodId, t.regionCode)
      .where(sql`status in ('pending', 'returned')`),
    check("submissions_status", sql`${t.status} in ('pending', 'returned', 'approved', 'superseded')`),
    check("submissions_approved", sql`(${t.status} = 'approved') = (${t.batchId} is not null)`),
  ],
);

/** A submission's rows as they were staged (row number, region and the dataset's columns), until it is approved. */
export const submissionRows = pgTable(
  "submission_rows",
  {
    submissionId: integer("submission_id")
      .notNull()
      .references(() => submissions.id),
    rowNumber: integer("row_number").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("submission_rows_submission_idx").on(t.submissionId, t.rowNumber)],
);

export type Submission = typeof submissions.$inferSelect;
