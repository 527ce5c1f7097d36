import type { AdjustmentType, ArenaLevel, PromotionField } from "@/lib/contract";

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
