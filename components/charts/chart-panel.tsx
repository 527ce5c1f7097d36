"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type ReactNode, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { DataTable } from "@/components/charts/data-table";
import type { ExportTable, TableColumn } from "@/lib/spreadsheet";
import { download, downloadCsv, downloadXlsx, pageMeta } from "./table-export";

/** A chart's figures: columns with their kind, rows of raw figures (shares as fractions, money in 万元). */
export type ChartTable = Omit<ExportTable, "title">;
export type { TableColumn };

type Props = {
  title: string;
  /** The chart's figures, for "view as table" and the downloads. */
  table: ChartTable;
  /** The 口径 the figures follow, written above a downloaded table; the dashboards' general note when absent. */
  note?: string;
  /** File names of the downloads, without extension. */
  fileName: string;
  testId?: string;
  children: ReactNode;
};

/**
 * A chart with its toolbar: switch to a table (also the accessible alternative), and download
 * the figures as CSV or XLSX (table-export.ts: title rows naming the view, 数据截至, 口径 and the
 * 演示数据 mark above the table), or the whole panel as PNG — with a caption line naming the view
 * (the page's heading: region, dataset, period), 数据截至 (the layout's `data-as-of` mark), the day
 * of the export and the 演示数据 mark while demo data is loaded, so a pasted picture says what it shows.
 */
export function ChartPanel({ title, table, note, fileName, testId, children }: Props) {
  const t = useTranslations("chartPanel");
  const tApp = useTranslations("app");
  const locale = useLocale();
  const [asTable, setAsTable] = useState(false);
  const format = useFormatter();
  const panelRef = useRef<HTMLElement>(null);
  const [caption, setCaption] = useState<string | null>(null);
  const viewId = useId();
  const exported = () => ({ table: { title, ...table }, meta: pageMeta(locale, note ?? tApp("footer")) });
  const button =
    "min-h-6 min-w-6 rounded border border-line px-2 py-0.5 text-xs text-muted hover:bg-page hover:text-ink print:hidden";

  /** The whole panel as a picture, with a caption line that says what it shows and how fresh it is. */
  const picture = async (kind: "png" | "svg") => {
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
      const images = await import("./panel-image");
      const blob = kind === "png" ? await images.panelToPng(panel) : await images.panelToSvg(panel);
      download(`${fileName}.${kind}`, blob, blob.type);
    } finally {
      setCaption(null);
    }
  };

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
            const { table, meta } = exported();
            downloadCsv(table, meta, fileName);
          }}
        >
          CSV
        </button>
        <button
          type="button"
          className={button}
          onClick={async () => {
            const { table, meta } = exported();
            await downloadXlsx(table, meta, fileName);
          }}
        >
          XLSX
        </button>
        {(["png", "svg"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={button}
            disabled={asTable || caption !== null}
            onClick={() => picture(kind)}
          >
            {caption === null ? kind.toUpperCase() : t("exporting")}
          </button>
        ))}
      </div>
      {/* The chart and its table share one region: the toggle controls which of the two shows. */}
      <div id={viewId}>
        <div hidden={asTable}>{children}</div>
        {asTable && <DataTable table={{ ...table, title }} />}
      </div>
      {caption !== null && (
        <p className="mt-2 text-xs text-muted" data-testid="panel-caption">
          {caption}
        </p>
      )}
    </section>
  );
}
