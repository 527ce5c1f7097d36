"use client";

import { type ExportMeta, type ExportTable, tableCsv } from "@/lib/spreadsheet";

/**
 * Downloads of a table, for any component that shows one (chart panels, rankings, reports): CSV
 * (UTF-8 with BOM, for Excel) or XLSX (numbers with number formats, title rows, frozen header).
 * The browser builds them from figures it already holds, so the server has nothing to witness and
 * records nothing. ExcelJS is large: it is fetched on the first XLSX click, not with the page.
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function download(name: string, data: Uint8Array | Blob, type: string) {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const textOf = (selector: string) => document.querySelector(selector)?.textContent?.trim() || undefined;

/**
 * What the page says about the view, read where the page shows it: the h1 (region, dataset,
 * period), the layout's 数据截至 mark, the 演示数据 badge while demo data is loaded. `note` is the
 * 口径 the figures follow.
 */
export function pageMeta(locale: string, note?: string): ExportMeta {
  return {
    locale,
    view: textOf("h1"),
    asOf: textOf("[data-as-of]"),
    note,
    demo: textOf("[data-demo-mark]"),
  };
}

export function downloadCsv(table: ExportTable, meta: ExportMeta, fileName: string) {
  download(`${fileName}.csv`, tableCsv(table, meta), "text/csv;charset=utf-8");
}

export async function downloadXlsx(table: ExportTable, meta: ExportMeta, fileName: string) {
  const { tableWorkbook } = await import("@/lib/table-workbook");
  download(`${fileName}.xlsx`, await tableWorkbook(table, meta), XLSX_TYPE);
}

export { download };
