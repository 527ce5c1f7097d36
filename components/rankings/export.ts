import { downloadCsv, downloadXlsx, pageMeta } from "@/components/charts/table-export";
import type { ExportTable } from "@/lib/spreadsheet";

/**
 * The rankings' and the outstanding list's downloads: the table with its columns' kinds (a share
 * as a fraction 0..1, money in 万元), so that the spreadsheet gets numbers with number formats,
 * and the title lines of the view. ExcelJS loads on the click.
 */
export async function downloadSheet(kind: "csv" | "xlsx", fileName: string, table: ExportTable, locale: string) {
  const meta = pageMeta(locale);
  if (kind === "csv") downloadCsv(table, meta, fileName);
  else await downloadXlsx(table, meta, fileName);
}

export const exportButton =
  "min-h-6 min-w-6 rounded border border-line px-2 py-0.5 text-xs text-muted hover:bg-page hover:text-ink print:hidden";
