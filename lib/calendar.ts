/** Days of the reporting calendar, as ISO strings (YYYY-MM-DD). */

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Today in China (UTC+8, no daylight saving), the day deadlines are counted in. */
export const todayInChina = (now = new Date()) => iso(new Date(now.getTime() + 8 * 3600_000));

/** Days from one ISO day to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The default deadline: the 15th of the month after a quarter (2025 Q1 → 2025-04-15), the
 * 31st of January after a year.
 */
export function defaultDueOn(year: number, quarter: number | null): string {
  if (!quarter) return `${year + 1}-01-31`;
  return quarter === 4 ? `${year + 1}-01-15` : `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-15`;
}
