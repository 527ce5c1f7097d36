import { strToU8 } from "fflate";
import { amountValue, formatAmountNumber, formatNumber, formatPercent } from "@/lib/format";

/**
 * What the downloads (CSV, XLSX) and the on-screen table views share: a table whose columns say
 * what kind of figure they hold, and the title lines naming the view. Rows hold raw figures —
 * shares as fractions 0..1, money in 万元 — and each door formats them by the column's kind, so a
 * spreadsheet gets numbers it can add up, not text like "76.9%".
 *
 * Text that a spreadsheet would take for a formula (starting with = + - @, or a tab/CR) is prefixed
 * with an apostrophe so it stays text.
 */
export type OutCell = string | number | null | undefined;

export type ColumnKind = "text" | "integer" | "percent" | "amount" | "number";
export type TableColumn = { label: string; kind?: ColumnKind };
export type ExportTable = { title: string; columns: TableColumn[]; rows: OutCell[][] };

/**
 * What a download says about the view it came from, as the page shows it: the heading (region,
 * dataset, period), 数据截至, the definitions (口径) and the 演示数据 mark while demo data is loaded.
 * `locale` decides the unit of money (万元, or millions of yuan in English, as on the screen).
 */
export type ExportMeta = { locale: string; view?: string; asOf?: string; note?: string; demo?: string };

export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The lines above the table, in both formats: the table's title, then what the view is and how fresh. */
export function titleLines(table: ExportTable, meta: ExportMeta): string[] {
  return [table.title, meta.view, meta.asOf, meta.note, meta.demo].filter((line): line is string => !!line);
}

function csvCell(cell: OutCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM, so that Excel shows Chinese correctly. */
export function toCsv(rows: OutCell[][]): Uint8Array {
  return strToU8(`\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`);
}

/**
 * A table as CSV: the title lines, one a row, then the header and the figures. CSV has no number
 * formats, so a share goes out as its percentage number (76.9) under a header that says "(%)" —
 * still a number Excel can add up, where "76.9%" would be text in some locales.
 */
export function tableCsv(table: ExportTable, meta: ExportMeta): Uint8Array {
  const percentLabel = (label: string) => (meta.locale.startsWith("en") ? `${label} (%)` : `${label}（%）`);
  const header = table.columns.map((c) => (c.kind === "percent" ? percentLabel(c.label) : c.label));
  const rows = table.rows.map((row) =>
    row.map((cell, i) => {
      if (typeof cell !== "number") return cell;
      const kind = table.columns[i]?.kind;
      if (kind === "percent") return Math.round(cell * 1000) / 10;
      if (kind === "amount") return amountValue(meta.locale, cell);
      return cell;
    }),
  );
  return toCsv([...titleLines(table, meta).map((line) => [line]), [], header, ...rows]);
}

/** A cell as the on-screen table shows it, by its column's kind (the language's digits and units). */
export function formatCell(locale: string, cell: OutCell, kind: ColumnKind = "text"): string {
  if (cell === null || cell === undefined || cell === "") return "—";
  if (typeof cell === "string") return cell;
  switch (kind) {
    case "integer":
      return formatNumber(locale, cell, 0);
    case "percent":
      return formatPercent(locale, cell);
    case "amount":
      return formatAmountNumber(locale, cell);
    default:
      return formatNumber(locale, cell);
  }
}
