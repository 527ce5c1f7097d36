import type { EvaluationScore, JobFitBucket } from "@/lib/api/evaluations";
import type {
  AdjustmentType,
  ArenaLevel,
  EvaluationConclusion,
  EvaluationKind,
  JobFitAction,
  PromotionField,
} from "@/lib/contract";

/*
 * Every series colour of the dashboards, in one place, so that a field, a contest level or a
 * kind of adjustment has the same colour on every page, card and chart. The hues are the
 * colour-blind-safe palette of app/globals.css (--series-1 … --series-6, --series-muted).
 */

/** Frontline fields in colour-blind-safe hues; 非一线 in grey, so the frontline part stands out. */
export const FIELD_COLOURS: Record<PromotionField, string> = {
  乡村振兴: "var(--series-3)",
  招商引资: "var(--series-5)",
  基层治理: "var(--series-1)",
  防沙治沙: "var(--series-2)",
  其他一线: "var(--series-4)",
  非一线: "var(--series-muted)",
};

/** The overview's two-part split of promotions: frontline against the rest. */
export const FRONTLINE_COLOURS = { frontline: "var(--series-1)", other: "var(--series-muted)" } as const;

/** The six contest levels of 擂台比武. */
export const LEVEL_COLOURS: Record<ArenaLevel, string> = {
  旗县区: "var(--series-1)",
  市直部门: "var(--series-2)",
  苏木乡镇: "var(--series-3)",
  街道: "var(--series-4)",
  社区: "var(--series-5)",
  嘎查村: "var(--series-6)",
};

/** Warm hues for moved down, cool for moved back up. */
export const TYPE_COLOURS: Record<AdjustmentType, string> = {
  免职: "var(--series-6)",
  降职: "var(--series-2)",
  调离: "var(--series-4)",
  恢复任职: "var(--series-1)",
  提拔重用: "var(--series-3)",
};

/** 揭榜挂帅 projects: their count, and planned investment against funds in place. */
export const PROJECT_COLOURS = {
  projects: "var(--series-3)",
  plannedInvestment: "var(--series-5)",
  fundsInPlace: "var(--series-1)",
} as const;

/** A scorecard trend: the value, its target, and the period shown. */
export const TREND_COLOURS = {
  value: "var(--series-1)",
  target: "var(--series-6)",
  current: "var(--series-muted)",
} as const;

/** 五看一测: the five dimensions and satisfaction (grey), so the five read as one family. */
export const SCORE_COLOURS: Record<EvaluationScore, string> = {
  political: "var(--series-1)",
  effectiveness: "var(--series-3)",
  role: "var(--series-5)",
  frontline: "var(--series-2)",
  conduct: "var(--series-4)",
  satisfaction: "var(--series-muted)",
};

/** Conclusions from good to bad: green, blue, orange, red. */
export const CONCLUSION_COLOURS: Record<EvaluationConclusion, string> = {
  优秀: "var(--series-3)",
  称职: "var(--series-1)",
  基本称职: "var(--series-2)",
  不称职: "var(--series-6)",
};

export const KIND_COLOURS: Record<EvaluationKind, string> = {
  日常: "var(--series-1)",
  实干型专项: "var(--series-2)",
};

/** The job-fit index's ranges, low (red) to high (green). */
export const BUCKET_COLOURS: Record<JobFitBucket, string> = {
  "<60": "var(--series-6)",
  "60–70": "var(--series-2)",
  "70–80": "var(--series-5)",
  "80–90": "var(--series-1)",
  "90–100": "var(--series-3)",
};

/** What followed a job-fit result; 免职/降职 in the colour of 免职 on the adjustments page. */
export const ACTION_COLOURS: Record<JobFitAction, string> = {
  无: "var(--series-muted)",
  提醒谈话: "var(--series-5)",
  调整岗位: "var(--series-4)",
  "免职/降职": "var(--series-6)",
};
