import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, quarterCheck, quarterColumn, yearCheck, yearColumn } from "./columns";
import { evaluationConclusion, evaluationKind } from "./enums";

const score = (name: string) => numeric(name, { precision: 5, scale: 2, mode: "number" });
const inRange = (table: string, column: string, value: unknown) =>
  check(`${table}_${column}_range`, sql`${value} between 0 and 100`);

/**
 * 五看一测: one cadre's evaluation in a year (or quarter) — the five dimensions looked at, the
 * satisfaction of those served, and the conclusion. Names a person: the most sensitive record of
 * the product (lib/auth/permissions.ts personnelScope).
 */
export const evaluations = pgTable(
  "evaluations",
  {
    ...figureColumns(),
    year: yearColumn(),
    /** Null for a whole-year evaluation. */
    quarter: quarterColumn(),
    cadre: text("cadre").notNull(),
    post: text("post"),
    unit: text("unit").notNull(),
    political: score("political"),
    effectiveness: score("effectiveness"),
    role: score("role"),
    frontline: score("frontline"),
    conduct: score("conduct"),
    satisfaction: score("satisfaction"),
    assessors: integer("assessors"),
    conclusion: evaluationConclusion("conclusion").notNull(),
    kind: evaluationKind("kind").notNull(),
  },
  (t) => [
    unique("evaluations_natural_key").on(t.regionCode, t.year, t.quarter, t.cadre, t.unit).nullsNotDistinct(),
    index("evaluations_year_region_idx").on(t.year, t.regionCode),
    yearCheck("evaluations", t.year),
    quarterCheck("evaluations", t.quarter),
    inRange("evaluations", "political", t.political),
    inRange("evaluations", "effectiveness", t.effectiveness),
    inRange("evaluations", "role", t.role),
    inRange("evaluations", "frontline", t.frontline),
    inRange("evaluations", "conduct", t.conduct),
    inRange("evaluations", "satisfaction", t.satisfaction),
    check("evaluations_assessors_non_negative", sql`${t.assessors} >= 0`),
    check("evaluations_cadre_not_blank", sql`length(btrim(${t.cadre})) > 0`),
  ],
);

export type Evaluation = typeof evaluations.$inferSelect;
export type NewEvaluation = typeof evaluations.$inferInsert;
