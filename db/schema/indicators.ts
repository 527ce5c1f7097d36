import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, quarterCheck, quarterColumn, yearCheck, yearColumn } from "./columns";

/**
 * 成绩单: scorecard indicators. A growth rate or a rank does not add up, so indicators are
 * never rolled up: each is shown for the region that reported it.
 */
export const indicators = pgTable(
  "indicators",
  {
    ...figureColumns(),
    year: yearColumn(),
    /** Null for a whole-year figure. */
    quarter: quarterColumn(),
    indicator: text("indicator").notNull(),
    value: numeric("value", { precision: 18, scale: 4, mode: "number" }).notNull(),
    unit: text("unit").notNull(),
    target: numeric("target", { precision: 18, scale: 4, mode: "number" }),
    rank: integer("rank"),
  },
  (t) => [
    // A whole-year figure (quarter null) is unique too, hence NULLS NOT DISTINCT (Postgres 15+).
    unique("indicators_natural_key").on(t.regionCode, t.year, t.quarter, t.indicator).nullsNotDistinct(),
    index("indicators_year_region_idx").on(t.year, t.regionCode),
    yearCheck("indicators", t.year),
    quarterCheck("indicators", t.quarter),
    check("indicators_rank_positive", sql`${t.rank} >= 1`),
    check("indicators_indicator_not_blank", sql`length(btrim(${t.indicator})) > 0`),
  ],
);

export type Indicator = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
