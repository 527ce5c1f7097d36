"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ScrollBox } from "@/components/layout/scroll-box";
import { type OutCell, toCsv, toXlsx } from "@/lib/spreadsheet";

export type ChartTable = { columns: string[]; rows: OutCell[][] };

type Props = {
  title: string;
  /** The chart's figures, for "view as table" and the downloads. */
  table: ChartTable;
  /** File names of the downloads, without extension. */
  fileName: string;
  testId?: string;
  children: ReactNode;
};

function download(name: string, data: Uint8Array | Blob, type: string) {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A chart with its toolbar: switch to a table (also the accessible alternative), and download
 * the figures as CSV (UTF-8 with BOM, for Excel) or XLSX, or the whole panel as PNG — with a
 * caption line naming the view (the page's heading: region, dataset, period), 数据截至 (the
 * layout's `data-as-of` mark), the day of the export and the 演示数据 mark while demo data is loaded, so a pasted picture says what it shows. Spreadsheet cells
 * that begin with = + - @ are neutralised by lib/spreadsheet.ts. The browser builds these files
 * from figures it already holds, so the server has nothing to witness and records nothing.
 */
export function ChartPanel({ title, table, fileName, testId, children }: Props) {
  const t = useTranslations("chartPanel");
  const [asTable, setAsTable] = useState(false);
  const format = useFormatter();
  const panelRef = useRef<HTMLElement>(null);
  const [caption, setCaption] = useState<string | null>(null);
  const viewId = useId();
  const rows = [table.columns, ...table.rows];
  const button = "rounded border border-line px-2 py-0.5 text-xs text-muted hover:bg-page hover:text-ink print:hidden";

  return (
    <section
      ref={panelRef}
      className="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm"
      data-testid={testId}
      data-chart-panel
    >
      <h3 className="text-sm font-medium text-ink">{title}</h3>
      <div className="mt-1.5 mb-2 flex flex-wrap justify-end gap-1.5 print:hidden" data-export-skip>
        <button
          type="button"
          className={button}
          aria-pressed={asTable}
          aria-controls={viewId}
          onClick={() => setAsTable(!asTable)}
        >
          {asTable ? t("viewChart") : t("viewTable")}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            download(`${fileName}.csv`, toCsv(rows), "text/csv;charset=utf-8");
          }}
        >
          CSV
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            download(
              `${fileName}.xlsx`,
              toXlsx(rows, title.slice(0, 31)),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            );
          }}
        >
          XLSX
        </button>
        <button
          type="button"
          className={button}
          disabled={asTable || caption !== null}
          onClick={async () => {
            const panel = panelRef.current;
            if (!panel) return;
            const day = format.dateTime(new Date(), { year: "numeric", month: "2-digit", day: "2-digit" });
            const parts = [
              document.querySelector("h1")?.textContent?.trim(),
              document.querySelector("[data-as-of]")?.textContent?.trim(),
              t("exportedOn", { day }),
              document.querySelector("[data-demo-mark]")?.textContent?.trim(),
            ];
            // The caption is drawn into the panel for the picture only, then taken away again.
            flushSync(() => setCaption(parts.filter(Boolean).join(" · ")));
            try {
              download(`${fileName}.png`, await (await import("./panel-image")).panelToPng(panel), "image/png");
            } finally {
              setCaption(null);
            }
          }}
        >
          {caption === null ? "PNG" : t("exporting")}
        </button>
      </div>
      {/* The chart and its table share one region: the toggle controls which of the two shows. */}
      <div id={viewId}>
        <div hidden={asTable}>{children}</div>
        {asTable && (
          <ScrollBox label={title}>
            <table className="w-full text-sm">
              <caption className="sr-only">{title}</caption>
              <thead className="bg-page text-muted">
                <tr>
                  {table.columns.map((column, i) => (
                    <th
                      key={column}
                      scope="col"
                      className={`px-2 py-1.5 font-medium whitespace-nowrap ${i === 0 ? "text-left" : "text-right"}`}
                    >
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={String(row[0])} className="border-t border-line">
                    {row.map((cell, i) => (
                      <td
                        key={table.columns[i]}
                        className={`px-2 py-1 ${i === 0 ? "text-left" : "text-right tabular-nums"}`}
                      >
                        {cell ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </div>
      {caption !== null && (
        <p className="mt-2 text-xs text-muted" data-testid="panel-caption">
          {caption}
        </p>
      )}
    </section>
  );
}
