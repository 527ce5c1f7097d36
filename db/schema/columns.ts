import { sql } from "drizzle-orm";
import { check, integer, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { uploadBatches } from "./batches";
import { regions } from "./regions";

/**
 * Columns every figure carries: the region that reported it (a figure belongs to its reporter;
 * roll-ups add the children at read time; the one stored count, arena_counts, is per reporting
 * region and kept by triggers in the writing transaction) and the batch that last
 * wrote it (history and undo).
 */
export const figureColumns = () => ({
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  regionCode: text("region_code")
    .notNull()
    .references(() => regions.code),
  batchId: integer("batch_id").references(() => uploadBatches.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const yearColumn = () => smallint("year").notNull();
export const quarterColumn = () => smallint("quarter");

export const yearCheck = (table: string, year: unknown) =>
  check(`${table}_year_range`, sql`${year} between 2000 and 2100`);
export const quarterCheck = (table: string, quarter: unknown) =>
  check(`${table}_quarter_range`, sql`${quarter} between 1 and 4`);
export const nonNegative = (table: string, column: string, value: unknown) =>
  check(`${table}_${column}_non_negative`, sql`${value} >= 0`);
