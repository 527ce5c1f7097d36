"use client";

import { useLocale } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import { type ExportTable, formatCell } from "@/lib/spreadsheet";

/**
 * A table of figures as the downloads hold it (ExportTable), each cell formatted by its column's
 * kind: text to the left, figures to the right. The chart panels' "view as table" and the
 * report's tables; the caption is shown, or kept for screen readers only.
 */
export function DataTable({
  table,
  showCaption = false,
  className,
}: {
  table: ExportTable;
  showCaption?: boolean;
  className?: string;
}) {
  const locale = useLocale();
  const left = (i: number) => {
    const kind = table.columns[i]?.kind;
    return kind === "text" || (kind === undefined && i === 0);
  };
  return (
    <ScrollBox label={table.title} className={className}>
      <table className="w-full text-sm">
        <caption className={showCaption ? "px-2 py-1.5 text-left font-medium text-ink" : "sr-only"}>
          {table.title}
        </caption>
        <thead className="bg-page text-muted">
          <tr>
            {table.columns.map((column, i) => (
              <th
                key={column.label}
                scope="col"
                className={`px-2 py-1.5 font-medium whitespace-nowrap ${left(i) ? "text-left" : "text-right"}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={String(row[0])} className="border-t border-line">
              {row.map((cell, i) => (
                <td
                  key={table.columns[i]?.label}
                  className={`px-2 py-1 ${left(i) ? "text-left" : "text-right tabular-nums"} ${i === 0 ? "whitespace-nowrap" : ""}`}
                >
                  {formatCell(locale, cell, table.columns[i]?.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
