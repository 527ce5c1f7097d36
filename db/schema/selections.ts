import { sql } from "drizzle-orm";
import { check, index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, yearCheck, yearColumn } from "./columns";
import { selectionCategory } from "./enums";

/**
 * 干事创业好班子 / 担当作为好干部: one selected leadership team or cadre of a year. A cadre's name
 * follows the name rule (lib/auth/permissions.ts nameScope); a team's name is no person's.
 */
export const selections = pgTable(
  "selections",
  {
    ...figureColumns(),
    year: yearColumn(),
    category: selectionCategory("category").notNull(),
    name: text("name").notNull(),
    unit: text("unit"),
    summary: text("summary"),
  },
  (t) => [
    unique("selections_natural_key").on(t.regionCode, t.year, t.category, t.name),
    index("selections_year_region_idx").on(t.year, t.regionCode),
    yearCheck("selections", t.year),
    check("selections_name_not_blank", sql`length(btrim(${t.name})) > 0`),
  ],
);

export type Selection = typeof selections.$inferSelect;
export type NewSelection = typeof selections.$inferInsert;
