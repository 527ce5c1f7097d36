"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { IncompleteNote, incompleteOf } from "@/components/rankings/completeness-mark";
import { regionName } from "@/lib/region-name";
import type { ChildRegion, Completeness, RegionPath } from "@/lib/types";

/** What a count dataset's page holds (promotions by field, adjustments by type). */
type BreakdownView<F> = {
  region: RegionPath;
  total: F;
  own: F;
  children: (ChildRegion & F)[];
  trend: ({ year: number; quarter: number } & F)[];
  completeness: { total: Completeness; byChild: Record<string, Completeness> };
};

type ChartStyle = Pick<
  ComponentProps<typeof ChartComboShare>,
  "series" | "line" | "lineDetail" | "diverging" | "formatNumber" | "formatPercent"
>;

type Props<F> = {
  /** Prefix of the panels' test ids: `panel-<prefix>-regions`, `chart-<prefix>-regions`, … */
  prefix: string;
  data: BreakdownView<F>;
  titles: { byRegion: string; ownVsAll: string; trend: string };
  fileBase: string;
  /** One chart row of a region's or quarter's figures. */
  toRow: (label: string, figures: F, extra?: Partial<ComboRow>) => ComboRow;
  /** The table (view as table, downloads) of a list of figures, its first column named `first`. */
  tableOf: (first: string, list: { label: string; f: F }[]) => ChartTable;
  chart: ChartStyle;
  onSelect: (code: string) => void;
};

/**
 * The three charts of a count dataset: per child region (a bar opens the region), 本级 against
 * 含下级, and per quarter. Promotions and adjustments differ only in their series and figures.
 */
export function BreakdownCharts<F>({ prefix, data, titles, fileBase, toRow, tableOf, chart, onSelect }: Props<F>) {
  const t = useTranslations();
  const locale = useLocale();
  const childLabel = (c: ChildRegion) =>
    c.own ? t("dashCommon.own", { name: regionName(c, locale) }) : regionName(c, locale);
  const compare =
    data.region.level === "autonomous_region" ? t("dashCommon.compareLeagues") : t("dashCommon.compareBanners");
  const byRegionTitle = `${compare} · ${titles.byRegion}`;
  const quarterLabel = (p: { year: number; quarter: number }) =>
    t("dashFilters.quarterTick", { year: p.year, quarter: p.quarter });
  // A child whose reports are not all in is starred on the chart, named under it and marked in its table.
  const incomplete = data.children.flatMap((c) => {
    const completeness = incompleteOf(data.completeness.byChild, c.code);
    return completeness ? [{ code: c.code, label: childLabel(c), completeness }] : [];
  });
  const starred = (c: ChildRegion) => incomplete.some((i) => i.code === c.code);
  const regionTable = tableOf(
    t("dashCommon.region"),
    data.children.map((c) => ({ label: childLabel(c), f: c })),
  );
  const reportsColumn = t("rankings.columns.completeness");
  const byRegionTable: ChartTable = incomplete.length
    ? {
        columns: [...regionTable.columns, { label: reportsColumn }],
        rows: regionTable.rows.map((row, i) => {
          const c = incompleteOf(data.completeness.byChild, data.children[i].code);
          return [...row, c ? t("rankings.incomplete", c) : t("rankings.complete")];
        }),
      }
    : regionTable;
  const both = [
    { label: t("dashCommon.ownLevel"), f: data.own },
    { label: t("dashCommon.withSubordinates"), f: data.total },
  ];

  return (
    <>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId={`panel-${prefix}-regions`}
            title={byRegionTitle}
            table={byRegionTable}
            fileName={`${fileBase}-${compare}`}
          >
            <ChartComboShare
              testId={`chart-${prefix}-regions`}
              title={byRegionTitle}
              rows={data.children.map((c) =>
                toRow(starred(c) ? `${childLabel(c)} *` : childLabel(c), c, { code: c.code, drillable: c.drillable }),
              )}
              onSelect={onSelect}
              height={360}
              {...chart}
            />
            <IncompleteNote items={incomplete} />
          </ChartPanel>
        </div>
        <ChartPanel
          testId={`panel-${prefix}-own`}
          title={titles.ownVsAll}
          table={tableOf(t("dashCommon.region"), both)}
          fileName={`${fileBase}-${titles.ownVsAll}`}
        >
          <ChartComboShare
            testId={`chart-${prefix}-own`}
            title={titles.ownVsAll}
            rows={both.map(({ label, f }) => toRow(label, f))}
            height={360}
            minBand={80}
            {...chart}
          />
        </ChartPanel>
      </div>

      <ChartPanel
        testId={`panel-${prefix}-trend`}
        title={titles.trend}
        table={tableOf(
          t("dashCommon.period"),
          data.trend.map((p) => ({ label: quarterLabel(p), f: p })),
        )}
        fileName={`${fileBase}-${titles.trend}`}
      >
        <ChartComboShare
          testId={`chart-${prefix}-trend`}
          title={titles.trend}
          rows={data.trend.map((p) => toRow(quarterLabel(p), p))}
          height={320}
          minBand={36}
          {...chart}
        />
      </ChartPanel>
    </>
  );
}

/** A card listing each key's count beside its chart colour (fields of promotions, types of adjustments). */
export function KeyCounts({
  title,
  items,
}: {
  title: string;
  items: { key: string; label: string; color: string; value: string; testId: string }[];
}) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      <h2 className="text-sm font-medium text-muted">{title}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        {items.map((item) => (
          <div key={item.key} className="flex min-w-0 items-baseline justify-between gap-2">
            <dt className="flex min-w-0 items-center gap-1.5 text-muted">
              <span
                aria-hidden="true"
                className="inline-block size-2.5 shrink-0 rounded-sm"
                style={{ background: item.color }}
              />
              {item.label}
            </dt>
            <dd className="tabular-nums text-ink" data-testid={item.testId}>
              {item.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
