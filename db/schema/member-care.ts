import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative, yearCheck, yearColumn } from "./columns";

/**
 * 政治生日: one Party organisation's (or unit's) month — how many members joined the Party in that
 * month of some year (their "political birthday" falls in it), how many of them the organisation
 * celebrated, and how. The quarter follows from the month, so the figures report each quarter like
 * the other quarterly datasets (db/queries/reporting.ts reads `quarter`).
 */
export const memberCare = pgTable(
  "member_care",
  {
    ...figureColumns(),
    year: yearColumn(),
    month: smallint("month").notNull(),
    quarter: smallint("quarter").notNull().generatedAlwaysAs(sql`((month + 2) / 3)`),
    unit: text("unit").notNull(),
    due: integer("due").notNull(),
    celebrated: integer("celebrated").notNull(),
    activity: text("activity"),
  },
  (t) => [
    unique("member_care_natural_key").on(t.regionCode, t.year, t.month, t.unit),
    index("member_care_year_region_idx").on(t.year, t.regionCode),
    yearCheck("member_care", t.year),
    check("member_care_month_range", sql`${t.month} between 1 and 12`),
    nonNegative("member_care", "due", t.due),
    nonNegative("member_care", "celebrated", t.celebrated),
    check("member_care_celebrated_within_due", sql`${t.celebrated} <= ${t.due}`),
    check("member_care_unit_not_blank", sql`length(btrim(${t.unit})) > 0`),
  ],
);

export type MemberCare = typeof memberCare.$inferSelect;
export type NewMemberCare = typeof memberCare.$inferInsert;
