import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    rows: integer("rows").notNull(),
    inserted: integer("inserted").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
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

export type UploadBatch = typeof uploadBatches.$inferSelect;
export type NewUploadBatch = typeof uploadBatches.$inferInsert;
