/**
 * Cell parsers, forgiving where a person would be: full-width digits and spaces, thousands
 * separators, `2023年`, `第三季度`/`三季度`/`Q3`, dates in the ways Chinese offices write them
 * and Excel's date serials. Each returns a value or the key of a message for the clerk.
 */
export type Cell = string | number | null;
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; values?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string, values?: Record<string, string | number>): Parsed<never> => ({
  ok: false,
  message,
  values,
});

/**
 * Printable ASCII and CJK unified ideographs without any space: NFKC leaves such text as it is and
 * there is nothing to collapse or trim. Most cells are like this, and the check costs far less
 * than normalising (an import calls text() some twenty times a row).
 */
const PLAIN = /^[!-~\u4e00-\u9fff]*$/;

/** NFKC folds full-width digits, letters, punctuation and the ideographic space to ASCII. */
export function text(cell: Cell): string {
  if (cell === null) return "";
  const value = String(cell);
  if (PLAIN.test(value)) return value;
  return value
    .normalize("NFKC")
    .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
    .trim();
}

export const isBlank = (cell: Cell) => text(cell) === "";

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function number(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  // A plain number as most files write it: the folding below would leave it as it is.
  if (cell !== null && PLAIN_NUMBER.test(cell)) return Number(cell);
  const t = text(cell)
    .replace(/(\d)[,，'](?=\d{3}(\D|$))/g, "$1")
    .replace(/\s/g, "");
  if (!PLAIN_NUMBER.test(t)) return null;
  return Number(t);
}

export function parseInteger(cell: Cell, { min = 0, max = 1_000_000 } = {}): Parsed<number> {
  const n = number(cell);
  if (n === null) return fail("notANumber");
  if (!Number.isInteger(n)) return fail("notAWholeNumber");
  if (n < min || n > max) return fail("outOfRange", { min, max });
  return ok(n);
}

/** Decimals such as `1,400.5`; a trailing `%` is dropped (the unit column says what the number means). */
export function parseDecimal(cell: Cell, { min = -1e12, max = 1e12 } = {}): Parsed<number> {
  const n = typeof cell === "number" ? cell : number(text(cell).replace(/%$/, ""));
  if (n === null || !Number.isFinite(n)) return fail("notANumber");
  if (n < min || n > max) return fail("outOfRange", { min, max });
  return ok(Math.round(n * 10_000) / 10_000);
}

export function parseYear(cell: Cell): Parsed<number> {
  const n = number(typeof cell === "number" ? cell : text(cell).replace(/年度?$/, ""));
  if (n === null || !Number.isInteger(n)) return fail("badYear");
  if (n < 2000 || n > 2100) return fail("yearOutOfRange");
  return ok(n);
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** 1–4, `Q3`, `第三季度`, `三季度`, `3季度`; blank (or 全年) is null where a whole year is allowed. */
export function parseQuarter(cell: Cell, { allowWholeYear = false } = {}): Parsed<number | null> {
  const t = text(cell).toUpperCase().replace(/\s/g, "");
  if (t === "" || t === "全年" || t === "年度") {
    return allowWholeYear ? ok(null) : fail(t === "" ? "required" : "badQuarter");
  }
  const match = /^(?:Q|第)?([1-4一二三四])(?:季度?|Q)?$/.exec(t.replace(/\.0+$/, ""));
  if (!match) return fail("badQuarter");
  return ok(CHINESE_DIGITS[match[1]]);
}

const MONTH_DIGITS: Record<string, number> = Object.fromEntries(
  ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"].map((zh, i) => [zh, i + 1]),
);

/** 1–12, `8月`, `八月`, `2023-08` or `2023年8月` (the year part is not checked here: the row has its 年度). */
export function parseMonth(cell: Cell): Parsed<number> {
  const t = text(cell).replace(/\s/g, "").replace(/\.0+$/, "");
  const match = /^(?:\d{4}(?:[-/.]|年))?(\d{1,2}|[一二三四五六七八九十]{1,3})月?(?:份)?$/.exec(t);
  const month = match ? (MONTH_DIGITS[match[1]] ?? Number(match[1])) : Number.NaN;
  return Number.isInteger(month) && month >= 1 && month <= 12 ? ok(month) : fail("badMonth");
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** `2023-08-15`, `2023/8/15`, `2023.8.15`, `2023年8月15日`, `20230815`, or an Excel date serial. */
export function parseDate(cell: Cell): Parsed<string> {
  if (typeof cell === "number" || /^\d{5}(\.\d+)?$/.test(text(cell))) {
    const serial = Math.floor(Number(cell));
    if (serial < 36_526 || serial > 73_051) return fail("badDate"); // 2000-01-01 … 2099-12-31
    return ok(new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10));
  }
  const t = text(cell).replace(/\s/g, "");
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(:\d{2})?)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!match) return fail("badDate");
  const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) return fail("badDate");
  if (date < "2000-01-01" || date > "2100-12-31") return fail("yearOutOfRange");
  return ok(date);
}

/** One of the contract's values, with a few spellings people use for them. */
export function parseChoice<T extends string>(
  cell: Cell,
  values: readonly T[],
  aliases: Record<string, T> = {},
): Parsed<T> {
  const t = text(cell).replace(/\s/g, "");
  if ((values as readonly string[]).includes(t)) return ok(t as T);
  const alias = aliases[t] ?? aliases[t.toLowerCase()];
  if (alias) return ok(alias);
  return fail("notAChoice", { choices: values.join("、") });
}

/** Free text (names, organisations), stored as written; a length limit keeps rows sane. */
export function parseText(cell: Cell, { max = 200 } = {}): Parsed<string> {
  const t = text(cell);
  if (t.length > max) return fail("tooLong", { max });
  return ok(t);
}

/** A row that totals the others (合计, 总计, 小计) must not be imported as a region's figure. */
export function isTotalRow(cells: Cell[]): boolean {
  return cells.some((c) => /^(合\s*计|总\s*计|小\s*计|total)$/i.test(text(c)));
}

/** A score of 0–100, or a grade the contract maps to one (好 90, 较好 80, 一般 70, 差 50). */
export function parseScore(cell: Cell, grades: Record<string, number>): Parsed<number> {
  const t = text(cell).replace(/\s/g, "");
  if (t in grades) return ok(grades[t]);
  const n = parseDecimal(cell, { min: 0, max: 100 });
  return n.ok ? n : fail("notAScore", { grades: Object.keys(grades).join("、") });
}

/**
 * Several of a list's values in one cell (separated by 、，,；; / or spaces), stored in the list's
 * order joined by 、 so that the same choice is always written the same way.
 */
export function parseChoices<T extends string>(cell: Cell, values: readonly T[]): Parsed<string> {
  const parts = text(cell)
    .split(/[、，,；;/\s]+/)
    .filter(Boolean);
  const unknown = parts.find((p) => !(values as readonly string[]).includes(p));
  if (unknown !== undefined) return fail("notChoices", { value: unknown, choices: values.join("、") });
  return ok(values.filter((v) => parts.includes(v)).join("、"));
}
