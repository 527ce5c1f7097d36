import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative, yearCheck, yearColumn } from "./columns";

/** 雏雁行动: a region's young-cadre programme in a year, from selection to promotion (counts only). */
export const youngCadres = pgTable(
  "young_cadres",
  {
    ...figureColumns(),
    year: yearColumn(),
    selected: integer("selected").notNull(),
    trained: integer("trained").notNull(),
    frontline: integer("frontline").notNull(),
    promoted: integer("promoted").notNull(),
    /** 35岁以下占比, percent; optional. */
    under35Share: numeric("under35_share", { precision: 5, scale: 2, mode: "number" }),
  },
  (t) => [
    unique("young_cadres_natural_key").on(t.regionCode, t.year),
    index("young_cadres_year_region_idx").on(t.year, t.regionCode),
    yearCheck("young_cadres", t.year),
    nonNegative("young_cadres", "selected", t.selected),
    nonNegative("young_cadres", "trained", t.trained),
    nonNegative("young_cadres", "frontline", t.frontline),
    nonNegative("young_cadres", "promoted", t.promoted),
    check("young_cadres_under35_share_range", sql`${t.under35Share} between 0 and 100`),
  ],
);

export type YoungCadres = typeof youngCadres.$inferSelect;
export type NewYoungCadres = typeof youngCadres.$inferInsert;
