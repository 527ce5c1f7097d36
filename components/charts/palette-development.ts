/*
 * The series colours of the development dashboards (雏雁行动, 好班子好干部, 平时考核), from the same
 * colour-blind-safe hues as ./palette.ts (--series-1 … --series-6), kept beside it so that each
 * stage, category and grade has one colour on every card, chart and legend.
 */

/** 入选 → 参训 → 一线锻炼 → 提拔: one hue per stage; the promotion rate line in the last one's. */
export const FUNNEL_COLOURS = {
  selected: "var(--series-muted)",
  trained: "var(--series-3)",
  frontline: "var(--series-1)",
  promoted: "var(--series-2)",
  rate: "var(--series-6)",
} as const;

export const CATEGORY_COLOURS = {
  干事创业好班子: "var(--series-3)",
  担当作为好干部: "var(--series-5)",
} as const;

/** From good to poor: cool to warm, 较差 the most saturated warning. */
export const GRADE_COLOURS = {
  good: "var(--series-1)",
  fairlyGood: "var(--series-5)",
  average: "var(--series-2)",
  poor: "var(--series-6)",
} as const;

export const METHOD_COLOUR = "var(--series-3)";

/** 政治生日: members due in the month (muted) against those celebrated, and the coverage line. */
export const CARE_COLOURS = {
  due: "var(--series-muted)",
  celebrated: "var(--series-1)",
  coverage: "var(--series-6)",
} as const;
