import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative, yearCheck, yearColumn } from "./columns";

/*
 * 揭榜挂帅 as a cycle (docs/data-contract.md §4.9): a challenge posted along an industry chain (设榜),
 * cadres' applications for it (揭榜), the project it became (projects), the issues the joint
 * meeting follows up (跟榜) and the project's yearly evaluation (评榜). Records name one another
 * by code; the upload checks that a named record is stored (server/import/pipeline.ts) rather
 * than a foreign key, so that undoing one dataset's batch never fails on another's rows.
 * Enumerations are text with a check: the contract's words (lib/contract.ts).
 */

const oneOf = (table: string, column: string, value: unknown, values: readonly string[]) =>
  check(`${table}_${column}_valid`, sql`${value} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`);

/** 设榜: a challenge posted along a key industry chain, by its code. */
export const challenges = pgTable(
  "challenges",
  {
    ...figureColumns(),
    code: text("code").notNull(),
    industryChain: text("industry_chain").notNull(),
    title: text("title").notNull(),
    department: text("department"),
    postedOn: date("posted_on").notNull(),
    /** 万元 */
    targetInvestment: numeric("target_investment", { precision: 14, scale: 2, mode: "number" }),
    targetJobs: integer("target_jobs"),
    status: text("status").notNull(),
  },
  (t) => [
    unique("challenges_natural_key").on(t.code),
    index("challenges_region_idx").on(t.regionCode, t.postedOn),
    check("challenges_code_not_blank", sql`length(btrim(${t.code})) > 0`),
    oneOf("challenges", "status", t.status, ["待揭榜", "已揭榜", "已关闭"]),
    nonNegative("challenges", "target_investment", t.targetInvestment),
    nonNegative("challenges", "target_jobs", t.targetJobs),
  ],
);

/** 揭榜: a cadre's application (申报书) for a challenge, and the project it became. */
export const applications = pgTable(
  "applications",
  {
    ...figureColumns(),
    challengeCode: text("challenge_code").notNull(),
    /** Names a person: visible only inside the user's home region. */
    applicant: text("applicant").notNull(),
    applicantUnit: text("applicant_unit"),
    appliedOn: date("applied_on").notNull(),
    projectCode: text("project_code"),
  },
  (t) => [
    unique("applications_natural_key").on(t.challengeCode, t.applicant),
    index("applications_region_idx").on(t.regionCode, t.appliedOn),
    index("applications_project_idx").on(t.projectCode),
  ],
);

/** 跟榜: an issue a project raised and the department that solved it. */
export const projectIssues = pgTable(
  "project_issues",
  {
    ...figureColumns(),
    projectCode: text("project_code").notNull(),
    issue: text("issue").notNull(),
    department: text("department"),
    raisedOn: date("raised_on").notNull(),
    solvedOn: date("solved_on"),
    status: text("status").notNull(),
  },
  (t) => [
    unique("project_issues_natural_key").on(t.projectCode, t.issue),
    index("project_issues_region_idx").on(t.regionCode, t.raisedOn),
    oneOf("project_issues", "status", t.status, ["待解决", "已解决"]),
    check(
      "project_issues_solved",
      sql`(${t.status} = '已解决') = (${t.solvedOn} is not null) and (${t.solvedOn} is null or ${t.solvedOn} >= ${t.raisedOn})`,
    ),
  ],
);

/** 评榜: a project's evaluation of a year, and the use made of it (赛场选马). */
export const projectEvaluations = pgTable(
  "project_evaluations",
  {
    ...figureColumns(),
    projectCode: text("project_code").notNull(),
    year: yearColumn(),
    grade: text("grade").notNull(),
    incentive: text("incentive").notNull(),
    evaluator: text("evaluator"),
  },
  (t) => [
    unique("project_evaluations_natural_key").on(t.projectCode, t.year),
    index("project_evaluations_region_idx").on(t.regionCode, t.year),
    yearCheck("project_evaluations", t.year),
    oneOf("project_evaluations", "grade", t.grade, ["优秀", "良好", "一般", "较差"]),
    oneOf("project_evaluations", "incentive", t.incentive, ["提拔使用", "晋升职级", "评优评先", "通报表扬", "无"]),
  ],
);

export type Challenge = typeof challenges.$inferSelect;
export type NewChallenge = typeof challenges.$inferInsert;
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type ProjectIssue = typeof projectIssues.$inferSelect;
export type NewProjectIssue = typeof projectIssues.$inferInsert;
export type ProjectEvaluation = typeof projectEvaluations.$inferSelect;
export type NewProjectEvaluation = typeof projectEvaluations.$inferInsert;
