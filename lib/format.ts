/**
 * Numbers as people read them, per language: counts, shares and money. Every figure on the
 * screen, in a chart (axes, tooltips), a table or a card goes through here, so that one amount
 * reads the same everywhere.
 *
 * Money is stored in 万元 (ten thousand yuan), the unit of the reporting templates. Chinese shows
 * it as it is ("1,428 万元"); English shows millions of yuan ("CNY 14.28 million"), a unit English
 * readers know. Downloads (CSV/XLSX) keep plain numbers in the same unit the screen shows, with the
 * unit in the column header.
 */

/** 万元 in one million yuan. */
const WAN_PER_MILLION = 100;

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

const isEnglish = (locale: string) => locale.startsWith("en");

/** A count or a plain figure: 1,428 (up to two decimals when it has them). */
export function formatNumber(locale: string, value: number, maximumFractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A share between 0 and 1 as a percentage: 72.4%. */
export function formatPercent(locale: string, share: number, fractionDigits = 1): string {
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

/** An amount in 万元, in the unit the language shows money in (万元, or millions of yuan in English). */
export function amountValue(locale: string, wan: number): number {
  return isEnglish(locale) ? wan / WAN_PER_MILLION : wan;
}

/** The figure of an amount without its unit (for axes and table cells whose header names the unit). */
export function formatAmountNumber(locale: string, wan: number): string {
  // Millions of yuan always with two decimals, as money is written in English.
  return isEnglish(locale)
    ? numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wan / WAN_PER_MILLION)
    : numberFormat(locale, { maximumFractionDigits: 2 }).format(wan);
}

/** An amount in 万元 with its unit: "1,428 万元", "CNY 14.28 million". */
export function formatAmount(locale: string, wan: number): string {
  const figure = formatAmountNumber(locale, wan);
  return isEnglish(locale) ? `CNY ${figure} million` : `${figure} 万元`;
}

/**
 * A figure with a unit given by the data (an indicator's 公里, %, 万元): percent and per-mille
 * signs close up, money follows the language's unit, other units follow after a space.
 */
export function formatWithUnit(locale: string, value: number, unit: string): string {
  if (unit === "万元") return formatAmount(locale, value);
  const figure = formatNumber(locale, value);
  if (unit === "%" || unit === "‰") return `${figure}${unit}`;
  return unit ? `${figure} ${unit}` : figure;
}

const beijing = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * A moment as `2024-03-05 14:07`, Beijing time, in both languages: the audit log's format
 * (dates are written year-month-day everywhere, which both languages read alike).
 */
export function formatBeijingMinute(iso: string): string {
  const part = Object.fromEntries(beijing.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** A remark in brackets after a figure: full-width brackets in Chinese, "text (remark)" in English. */
export function parenthetical(locale: string, text: string): string {
  return isEnglish(locale) ? ` (${text})` : `（${text}）`;
}
