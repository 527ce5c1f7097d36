"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartBarRegions, type RegionBarRow, type Series } from "@/components/charts/chart-bar-regions";
import { DataTable } from "@/components/charts/data-table";
import {
  FIELD_COLOURS,
  FRONTLINE_COLOURS,
  LEVEL_COLOURS,
  PROJECT_COLOURS,
  TYPE_COLOURS,
} from "@/components/charts/palette";
import type { ReportData, ReportSection } from "@/lib/api/reports";
import { adjustmentTypes, arenaLevels, promotionFields } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import type { ReportDocument } from "@/lib/report/text";
import type { ChildRegion } from "@/lib/types";
import { ReportMap } from "./report-map";

type Chart = { title: string; rows: RegionBarRow[]; series: Series[] };

/** A CSS string literal: quotes and backslashes escaped, and `<` so that no text can close the style element. */
const cssString = (text: string) => `"${text.replace(/[\\"<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The report as it prints: on screen a sheet of paper, in print an A4 document with a running
 * header (region · period, and the 演示数据 mark), the print date and page numbers in the page
 * margins (CSS page-margin boxes).
 */
export function ReportView({ doc, data }: { doc: ReportDocument; data: ReportData }) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const charts = sectionCharts(data, t, locale);
  const running = doc.demoMark ? `${doc.region} · ${doc.period} · ${doc.demoMark}` : `${doc.region} · ${doc.period}`;
  const printed = t("reports.printedOn", {
    day: format.dateTime(new Date(), { year: "numeric", month: "2-digit", day: "2-digit" }),
  });
  const pages = doc.pageLabel
    .split(/(\{current\}|\{total\})/)
    .filter(Boolean)
    .map((part) => (part === "{current}" ? "counter(page)" : part === "{total}" ? "counter(pages)" : cssString(part)))
    .join(" ");

  return (
    <article
      className="mx-auto max-w-4xl space-y-6 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-10 print:max-w-none print:border-none print:p-0 print:shadow-none"
      data-testid="report"
      data-report
    >
      <style>{`@page {
        @top-left { content: ${cssString(running)}; font-size: 9pt; color: #555; }
        @top-right { content: ${cssString(printed)}; font-size: 9pt; color: #555; }
        @bottom-center { content: ${pages}; font-size: 9pt; color: #555; }
      }`}</style>
      <header className="space-y-2 text-center">
        <h2 className="text-2xl font-bold text-ink" data-testid="report-title">
          {doc.title}
        </h2>
        <p className="text-sm text-muted">{doc.asOf}</p>
        {doc.demo && <p className="text-sm font-medium text-amber-800">{doc.demo}</p>}
      </header>
      {doc.blocks.map((block) => {
        const chart = charts[block.section];
        return (
          <section key={block.section} className="space-y-3" data-report-section={block.section}>
            <h3 className="text-lg font-semibold text-ink">{block.heading}</h3>
            {block.paragraphs.map((p) => (
              <p key={p} className="indent-8 leading-8 text-ink">
                {p}
              </p>
            ))}
            {chart && chart.rows.length > 0 && (
              <div
                className="mx-auto max-w-2xl bg-white p-2"
                data-report-chart={block.section}
                data-title={chart.title}
              >
                <p className="mb-1 text-center text-sm font-medium text-ink">{chart.title}</p>
                <ChartBarRegions title={chart.title} rows={chart.rows} series={chart.series} />
              </div>
            )}
            {block.section === "overview" && <ReportMap overview={data.overview} />}
            {block.tables.map((table) => (
              <DataTable key={table.title} table={table} showCaption className="rounded border border-line" />
            ))}
          </section>
        );
      })}
      <footer className="space-y-1 border-t border-line pt-4 text-xs text-muted">
        <p className="font-medium">{doc.notesHeading}</p>
        {doc.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </footer>
    </article>
  );
}

type T = ReturnType<typeof useTranslations>;

/** The chart of each section that has one: its figures per compared region, as on the dashboards. */
function sectionCharts(data: ReportData, t: T, locale: string): Partial<Record<ReportSection, Chart>> {
  const label = (row: ChildRegion) =>
    row.own ? t("overview.own", { name: regionName(row, locale) }) : regionName(row, locale);
  const base = (row: ChildRegion) => ({ code: row.code, label: label(row), drillable: false });
  return {
    overview: {
      title: `${t("promotions.title")} · ${t("promotions.chartTitle")}`,
      rows: data.overview.children.map((row) => ({
        ...base(row),
        frontline: row.promotions.frontline,
        other: row.promotions.total - row.promotions.frontline,
      })),
      series: [
        { key: "frontline", label: t("promotions.frontline"), color: FRONTLINE_COLOURS.frontline },
        { key: "other", label: t("promotions.other"), color: FRONTLINE_COLOURS.other },
      ],
    },
    promotions: {
      title: t("reports.tables.fields"),
      rows: data.promotions.children.map((row) => ({ ...base(row), ...row.byField })),
      series: promotionFields
        .filter((f) => f !== "非一线")
        .map((f) => ({ key: f, label: t(`fields.${f}`), color: FIELD_COLOURS[f] })),
    },
    adjustments: {
      title: t("reports.tables.types"),
      rows: data.adjustments.children.map((row) => ({ ...base(row), ...row.byType })),
      series: adjustmentTypes.map((type) => ({
        key: type,
        label: t(`adjustmentTypes.${type}`),
        color: TYPE_COLOURS[type],
      })),
    },
    arena: {
      title: `${t("arena.title")} · ${t("arena.chartTitle")}`,
      rows: data.arena.children.map((row) => ({ ...base(row), ...row.byLevel })),
      series: arenaLevels.map((level) => ({ key: level, label: t(`levels.${level}`), color: LEVEL_COLOURS[level] })),
    },
    projects: {
      title: `${t("projects.title")} · ${t("projects.chartTitle")}`,
      rows: data.overview.children.map((row) => ({ ...base(row), projects: row.projects.projects })),
      series: [{ key: "projects", label: t("projects.projects"), color: PROJECT_COLOURS.projects }],
    },
  };
}
