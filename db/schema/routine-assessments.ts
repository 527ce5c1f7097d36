import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative, quarterCheck, quarterColumn, yearCheck, yearColumn } from "./columns";

/**
 * 公务员平时考核: one contact point's (联系点) quarter — how many were assessed, the grades given,
 * and the ways it assessed (any of 个人评、群众评、专班评、内部评、外部评, in that order, joined by 、).
 */
export const routineAssessments = pgTable(
  "routine_assessments",
  {
    ...figureColumns(),
    year: yearColumn(),
    quarter: quarterColumn().notNull(),
    contactPoint: text("contact_point").notNull(),
    assessed: integer("assessed").notNull(),
    good: integer("good").notNull(),
    fairlyGood: integer("fairly_good").notNull(),
    average: integer("average").notNull(),
    poor: integer("poor").notNull(),
    methods: text("methods"),
  },
  (t) => [
    unique("routine_assessments_natural_key").on(t.regionCode, t.year, t.quarter, t.contactPoint),
    index("routine_assessments_year_region_idx").on(t.year, t.regionCode),
    yearCheck("routine_assessments", t.year),
    quarterCheck("routine_assessments", t.quarter),
    nonNegative("routine_assessments", "assessed", t.assessed),
    nonNegative("routine_assessments", "good", t.good),
    nonNegative("routine_assessments", "fairly_good", t.fairlyGood),
    nonNegative("routine_assessments", "average", t.average),
    nonNegative("routine_assessments", "poor", t.poor),
    check(
      "routine_assessments_grades_within_assessed",
      sql`${t.good} + ${t.fairlyGood} + ${t.average} + ${t.poor} <= ${t.assessed}`,
    ),
    check("routine_assessments_contact_point_not_blank", sql`length(btrim(${t.contactPoint})) > 0`),
  ],
);

export type RoutineAssessment = typeof routineAssessments.$inferSelect;
export type NewRoutineAssessment = typeof routineAssessments.$inferInsert;
