import { index, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative, quarterCheck, quarterColumn, yearCheck, yearColumn } from "./columns";
import { adjustmentType } from "./enums";

/** 能上能下: cadres moved down (免职, 降职, 调离) and back up (恢复任职, 提拔重用). */
export const adjustments = pgTable(
  "adjustments",
  {
    ...figureColumns(),
    year: yearColumn(),
    quarter: quarterColumn().notNull(),
    type: adjustmentType("type").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    unique("adjustments_natural_key").on(t.regionCode, t.year, t.quarter, t.type),
    index("adjustments_year_region_idx").on(t.year, t.regionCode),
    yearCheck("adjustments", t.year),
    quarterCheck("adjustments", t.quarter),
    nonNegative("adjustments", "count", t.count),
  ],
);

export type Adjustment = typeof adjustments.$inferSelect;
export type NewAdjustment = typeof adjustments.$inferInsert;
