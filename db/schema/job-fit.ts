import { sql } from "drizzle-orm";
import { check, index, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, yearCheck, yearColumn } from "./columns";
import { jobFitAction, jobFitGrade } from "./enums";

/**
 * 领导干部适岗指数: one leading cadre's index in a year, its grade and what followed (调整岗位 and
 * 免职/降职 are 能上能下 adjustments, shown beside them). Names a person, like evaluations.
 */
export const jobFit = pgTable(
  "job_fit",
  {
    ...figureColumns(),
    year: yearColumn(),
    cadre: text("cadre").notNull(),
    post: text("post"),
    unit: text("unit").notNull(),
    index: numeric("index", { precision: 5, scale: 2, mode: "number" }).notNull(),
    grade: jobFitGrade("grade").notNull(),
    action: jobFitAction("action").notNull(),
  },
  (t) => [
    unique("job_fit_natural_key").on(t.regionCode, t.year, t.cadre, t.unit),
    index("job_fit_year_region_idx").on(t.year, t.regionCode),
    yearCheck("job_fit", t.year),
    check("job_fit_index_range", sql`${t.index} between 0 and 100`),
    check("job_fit_cadre_not_blank", sql`length(btrim(${t.cadre})) > 0`),
  ],
);

export type JobFit = typeof jobFit.$inferSelect;
export type NewJobFit = typeof jobFit.$inferInsert;
