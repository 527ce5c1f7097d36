import { index, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative, quarterCheck, quarterColumn, yearCheck, yearColumn } from "./columns";
import { promotionField } from "./enums";

/** 提拔使用: cadres promoted per region, quarter and field. */
export const promotions = pgTable(
  "promotions",
  {
    ...figureColumns(),
    year: yearColumn(),
    quarter: quarterColumn().notNull(),
    field: promotionField("field").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    unique("promotions_natural_key").on(t.regionCode, t.year, t.quarter, t.field),
    index("promotions_year_region_idx").on(t.year, t.regionCode),
    yearCheck("promotions", t.year),
    quarterCheck("promotions", t.quarter),
    nonNegative("promotions", "count", t.count),
  ],
);

export type Promotion = typeof promotions.$inferSelect;
export type NewPromotion = typeof promotions.$inferInsert;
