import ExcelJS from "exceljs";
import { amountValue } from "@/lib/format";
import { type ColumnKind, type ExportMeta, type ExportTable, neutralise, titleLines } from "@/lib/spreadsheet";

/**
 * A table as an XLSX workbook: the title lines on top, the header row below them (frozen, so it
 * stays in sight while scrolling), then the figures as numbers with number formats. Heavy (ExcelJS),
 * so the browser loads this module only when someone clicks XLSX.
 */
const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: "#,##0",
  percent: "0.0%",
  amount: "#,##0.00",
  number: "#,##0.##",
};

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return (
    title
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet1"
  );
}

/** Width in characters of a text, CJK counting double (Excel's column widths are in character cells). */
const textWidth = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

export async function tableWorkbook(table: ExportTable, meta: ExportMeta): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const lines = titleLines(table, meta);
  const headerRow = lines.length + 1;
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: "frozen", ySplit: headerRow, xSplit: 1 }],
  });

  lines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = neutralise(line);
    row.font = i === 0 ? { bold: true, size: 13 } : { size: 10, color: { argb: "FF555555" } };
  });

  const header = sheet.getRow(headerRow);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutralise(column.label);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF9AA5B1" } } };
    cell.alignment = { vertical: "middle", horizontal: i === 0 ? "left" : "center", wrapText: true };
  });

  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    cells.forEach((cell, c) => {
      if (cell === null || cell === undefined || cell === "") return;
      const kind = table.columns[c]?.kind ?? "text";
      const target = row.getCell(c + 1);
      if (typeof cell === "number") {
        target.value = kind === "amount" ? amountValue(meta.locale, cell) : cell;
        const numFmt = NUMBER_FORMATS[kind];
        if (numFmt) target.numFmt = numFmt;
      } else {
        target.value = neutralise(cell);
      }
    });
  });

  table.columns.forEach((column, i) => {
    const longest = Math.max(textWidth(column.label), ...table.rows.map((row) => textWidth(String(row[i] ?? ""))));
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(i === 0 ? 14 : 10, longest + 2));
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
