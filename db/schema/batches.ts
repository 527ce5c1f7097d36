import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { batchSource, batchStatus, dataset } from "./enums";

/** One committed upload (or the demo seed): the unit of history and undo. */
export const uploadBatches = pgTable(
  "upload_batches",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dataset: dataset("dataset").notNull(),
    source: batchSource("source").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes, hex. */
    fileHash: text("file_hash").notNull(),
    /** Who committed it: a user id, or `cli:<os user>` for the import command. */
    createdBy: text("created_by").notNull(),
    /** The uploader's home region, for the record. */
    regionCode: text("region_code"),
    /**
     * Every region whose rows the batch added or changed, before and after the change: the batch's
     * history and undo belong to whoever may write all of them (lib/auth/permissions.ts).
     */
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    rows: integer("rows").notNull(),
    inserted: integer("inserted").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    skipped: integer("skipped").notNull().default(0),
    status: batchStatus("status").notNull().default("committed"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
  },
  (t) => [
    index("upload_batches_created_idx").on(t.createdAt),
    check(
      "upload_batches_counts",
      sql`${t.rows} >= 0 and ${t.inserted} >= 0 and ${t.updated} >= 0 and ${t.unchanged} >= 0`,
    ),
  ],
);

/**
 * What a batch did to each row, so that it can be undone: the id of a row it inserted, or the
 * values a row held before the batch updated it.
 */
export const batchRows = pgTable(
  "batch_rows",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    batchId: integer("batch_id")
      .notNull()
      .references(() => uploadBatches.id),
    /** The table the row lives in (a dataset's table, or project_stage_events). */
    target: text("target").notNull(),
    rowId: integer("row_id").notNull(),
    op: text("op").$type<"insert" | "update">().notNull(),
    before: jsonb("before").$type<Record<string, unknown>>(),
  },
  (t) => [index("batch_rows_batch_idx").on(t.batchId), check("batch_rows_op", sql`${t.op} in ('insert', 'update')`)],
);

export type UploadBatch = typeof uploadBatches.$inferSelect;
export type NewUploadBatch = typeof uploadBatches.$inferInsert;
