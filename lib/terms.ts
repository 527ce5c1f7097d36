import type { OrganisationType, TermAdjustment, UnitType } from "@/lib/contract";

/**
 * The terms of basic-level Party organisations (docs/data-contract.md §4.8), one definition for the
 * upload's row check, the board, the list, the edit form and the reminders. Sources: 党章第三十条
 * (terms of three to five years) and 中办《关于党的基层组织任期的意见》(2018): a 基层委员会 serves five
 * years, a 总支部 or 支部 three, those of villages and communities (村、社区、嘎查) five; an early or late
 * election needs the approval of the committee above and moves the date by at most one year; the
 * organisation above reminds it about six months before the term ends. Dates are ISO days (YYYY-MM-DD).
 */

export const termStatuses = ["正常", "即将届满", "逾期未换届", "已延期"] as const;
export type TermStatus = (typeof termStatuses)[number];

/** How far an approved adjustment may move the end: one year (《意见》: 一般不超过1年). */
export const MAX_ADJUSTMENT_MONTHS = 12;
/** The organisation above reminds it this long before the end (《意见》: 届满前6个月左右). */
export const REMINDER_MONTHS = 6;

/** Villages and communities serve five years whatever their organisation's type. */
const FIVE_YEAR_UNITS: readonly UnitType[] = ["农村/嘎查村", "社区"];

export function termYears(type: OrganisationType, unitType: UnitType): 3 | 5 {
  if (FIVE_YEAR_UNITS.includes(unitType)) return 5;
  return type === "党委" ? 5 : 3;
}

/** The day `months` calendar months after (or before) `day`; a day the month lacks is its last (02-29 → 02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The computed end of a term: the election day plus the term's years. */
export const termEnd = (electedOn: string, years: number) => addMonths(electedOn, years * 12);

export type Adjustment = { type: TermAdjustment; endsOn: string };

/**
 * Why an approved adjustment cannot stand, or null: an extension ends after the computed end, an
 * early election before it, and neither more than one year from it.
 */
export function adjustmentProblem(
  computedEnd: string,
  adjustment: Adjustment,
): "notLater" | "notEarlier" | "overOneYear" | null {
  const { type, endsOn } = adjustment;
  if (type === "延期换届" && endsOn <= computedEnd) return "notLater";
  if (type === "提前换届" && endsOn >= computedEnd) return "notEarlier";
  const latest = addMonths(computedEnd, MAX_ADJUSTMENT_MONTHS);
  const earliest = addMonths(computedEnd, -MAX_ADJUSTMENT_MONTHS);
  if (endsOn > latest || endsOn < earliest) return "overOneYear";
  return null;
}

/** The end that counts: an approved adjustment's date, held to one year from the computed end. */
export function effectiveEnd(computedEnd: string, adjustment: Adjustment | null): string {
  if (!adjustment) return computedEnd;
  const latest = addMonths(computedEnd, MAX_ADJUSTMENT_MONTHS);
  const earliest = addMonths(computedEnd, -MAX_ADJUSTMENT_MONTHS);
  if (adjustment.endsOn > latest) return latest;
  if (adjustment.endsOn < earliest) return earliest;
  return adjustment.endsOn;
}

/** The day the reminder is due: six months before the effective end. */
export const reminderOn = (endsOn: string) => addMonths(endsOn, -REMINDER_MONTHS);

export type Term = {
  years: 3 | 5;
  computedEnd: string;
  endsOn: string;
  status: TermStatus;
  /** An approved extension: also counted as 已延期 once its date has passed (then 逾期未换届). */
  extended: boolean;
};

/**
 * A term as of a day. Past its effective end it is 逾期未换届 (an extension whose date has passed
 * too, `extended` says so); an approved extension otherwise 已延期; within six months of the end
 * (the end day included) 即将届满; else 正常.
 */
export function termOf(
  org: { type: OrganisationType; unitType: UnitType; electedOn: string; adjustment: Adjustment | null },
  asOf: string,
): Term {
  const years = termYears(org.type, org.unitType);
  const computedEnd = termEnd(org.electedOn, years);
  const endsOn = effectiveEnd(computedEnd, org.adjustment);
  const extended = org.adjustment?.type === "延期换届";
  const status: TermStatus =
    asOf > endsOn ? "逾期未换届" : extended ? "已延期" : asOf >= reminderOn(endsOn) ? "即将届满" : "正常";
  return { years, computedEnd, endsOn, status, extended };
}

/**
 * The units a joint branch (联合党支部) covers, as its 联合单位 cell lists them: "单位A:2、单位B:4"
 * (name, a colon, the unit's full members; separated by 、，,；;). Null when a part is not of that form.
 */
export function parseJointUnits(cell: string): { unit: string; members: number }[] | null {
  const parts = cell
    .split(/[、，,；;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const units: { unit: string; members: number }[] = [];
  for (const part of parts) {
    const match = /^(.+?)\s*[:：]\s*(\d+)\s*人?$/.exec(part);
    if (!match) return null;
    units.push({ unit: match[1].trim(), members: Number(match[2]) });
  }
  return units;
}

export const formatJointUnits = (units: { unit: string; members: number }[]) =>
  units.map((u) => `${u.unit}:${u.members}`).join("、");

/** 党章第三十条: a unit with three or more full members should have its own basic-level organisation. */
export const OWN_ORGANISATION_MEMBERS = 3;
/** 《中国共产党支部工作条例（试行）》第八条: a branch of more than 50 full members should become a 总支. */
export const BRANCH_MAX_MEMBERS = 50;
/** The same article: 100 or more may set up a 基层委员会 (advisory only). */
export const COMMITTEE_MEMBERS = 100;

/** Units a joint branch covers that have three or more full members: each should have its own organisation. */
export const unitsNeedingOwn = (units: { unit: string; members: number }[]) =>
  units.filter((u) => u.members >= OWN_ORGANISATION_MEMBERS);

export const shouldSplit = (type: OrganisationType, members: number) =>
  type === "党支部" && members > BRANCH_MAX_MEMBERS;
export const mayFormCommittee = (type: OrganisationType, members: number) =>
  type !== "党委" && members >= COMMITTEE_MEMBERS;
