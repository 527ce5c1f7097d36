"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId, useRef, useState } from "react";
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

/** Draws the chart's SVG on a white canvas at twice the size, for a sharp PNG. */
async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  // CSS variables do not survive outside the page: resolve the colours the chart uses.
  const style = getComputedStyle(document.documentElement);
  const source = new XMLSerializer()
    .serializeToString(clone)
    .replace(/var\((--[\w-]+)\)/g, (_, name: string) => style.getPropertyValue(name).trim() || "#000");
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("png"))), "image/png"),
  );
}

/**
 * A chart with its toolbar: switch to a table (also the accessible alternative), and download
 * the figures as CSV (UTF-8 with BOM, for Excel) or XLSX, or the chart as PNG. Spreadsheet cells
 * that begin with = + - @ are neutralised by lib/spreadsheet.ts. The browser builds these files
 * from figures it already holds, so the server has nothing to witness and records nothing.
 */
export function ChartPanel({ title, table, fileName, testId, children }: Props) {
  const t = useTranslations("chartPanel");
  const [asTable, setAsTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const viewId = useId();
  const rows = [table.columns, ...table.rows];
  const button = "rounded border border-line px-2 py-0.5 text-xs text-muted hover:bg-page hover:text-ink print:hidden";

  return (
    <section className="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <h3 className="text-sm font-medium text-ink">{title}</h3>
      <div className="mt-1.5 mb-2 flex flex-wrap justify-end gap-1.5 print:hidden">
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
          disabled={asTable}
          onClick={async () => {
            const svg = chartRef.current?.querySelector("svg.recharts-surface") as SVGSVGElement | null;
            if (!svg) return;
            download(`${fileName}.png`, await svgToPng(svg), "image/png");
          }}
        >
          PNG
        </button>
      </div>
      {/* The chart and its table share one region: the toggle controls which of the two shows. */}
      <div id={viewId}>
        <div ref={chartRef} hidden={asTable}>
          {children}
        </div>
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
    </section>
  );
}
