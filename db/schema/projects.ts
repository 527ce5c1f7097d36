import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative } from "./columns";
import { projectStage } from "./enums";

/** 揭榜挂帅: a posted-challenge investment project, identified by its code. */
export const projects = pgTable(
  "projects",
  {
    ...figureColumns(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    industryChain: text("industry_chain"),
    /** Names a person: visible only inside the user's home region. */
    leadCadre: text("lead_cadre").notNull(),
    cadreUnit: text("cadre_unit"),
    takenOn: date("taken_on").notNull(),
    /** The latest stage reached; the history is in project_stage_events. */
    stage: projectStage("stage").notNull(),
    /** 万元 */
    plannedInvestment: numeric("planned_investment", { precision: 14, scale: 2, mode: "number" }),
    /** 万元 */
    fundsInPlace: numeric("funds_in_place", { precision: 14, scale: 2, mode: "number" }),
    /**
     * The day each stage was reached, by the stage's position (1 = the first stage; null where
     * not reached): project_stage_events in one row, kept by triggers on that table in the
     * writing transaction (migration 0007), so the funnel as of a day is one pass over projects.
     */
    stageReached: date("stage_reached", { mode: "string" }).array(),
  },
  (t) => [
    unique("projects_natural_key").on(t.code),
    index("projects_region_idx").on(t.regionCode, t.takenOn),
    index("projects_taken_on_idx").on(t.takenOn),
    check("projects_code_not_blank", sql`length(btrim(${t.code})) > 0`),
    nonNegative("projects", "planned_investment", t.plannedInvestment),
    nonNegative("projects", "funds_in_place", t.fundsInPlace),
  ],
);

/** The date each stage was reached, so the funnel can be drawn as of any date. */
export const projectStageEvents = pgTable(
  "project_stage_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    stage: projectStage("stage").notNull(),
    reachedOn: date("reached_on").notNull(),
  },
  (t) => [
    unique("project_stage_events_natural_key").on(t.projectId, t.stage),
    index("project_stage_events_reached_idx").on(t.reachedOn),
  ],
);

export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type ProjectStageEvent = typeof projectStageEvents.$inferSelect;
export type NewProjectStageEvent = typeof projectStageEvents.$inferInsert;
