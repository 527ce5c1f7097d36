"use client";

import { useLocale, useTranslations } from "next-intl";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { CATEGORY_COLOURS } from "@/components/charts/palette-development";
import { CompletenessMark, IncompleteNote, incompleteOf } from "@/components/rankings/completeness-mark";
import type { SelectionCounts, SelectionsView } from "@/lib/api/selections";
import { selectionCategories } from "@/lib/contract";
import { formatNumber, formatPercent } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { StatCard } from "./shell";

type Props = { data: SelectionsView; onSelect: (code: string) => void };

/** 好班子好干部 counted: per child region (a region's column opens it) and per year, stacked by category. */
export function SelectionsPanels({ data, onSelect }: Props) {
  const t = useTranslations("selectionsPage");
  const tc = useTranslations("dashCommon");
  const locale = useLocale();
  const n = (v: number) => formatNumber(locale, v, 0);
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("title")}`;
  const label = (c: (typeof selectionCategories)[number]) => (c === "干事创业好班子" ? t("teams") : t("cadres"));
  const series = selectionCategories.map((c) => ({ key: c, label: label(c), color: CATEGORY_COLOURS[c] }));
  const childLabel = (c: ChildRegion) => (c.own ? tc("own", { name: regionName(c, locale) }) : regionName(c, locale));
  const compare = data.region.level === "autonomous_region" ? tc("compareLeagues") : tc("compareBanners");
  const toRow = (rowLabel: string, f: SelectionCounts, extra: Partial<ComboRow> = {}): ComboRow => ({
    label: rowLabel,
    ...f.byCategory,
    ...extra,
  });
  const tableOf = (first: string, list: { label: string; f: SelectionCounts }[]): ChartTable => ({
    columns: [
      { label: first },
      ...selectionCategories.map((c) => ({ label: label(c), kind: "integer" as const })),
      { label: t("total"), kind: "integer" },
    ],
    rows: list.map(({ label: l, f }) => [l, ...selectionCategories.map((c) => f.byCategory[c]), f.total]),
  });
  const incomplete = data.children.flatMap((c) => {
    const completeness = incompleteOf(data.completeness.byChild, c.code);
    return completeness ? [{ code: c.code, label: childLabel(c), completeness }] : [];
  });
  const byRegionTitle = `${compare} · ${t("byRegion")}`;
  const yearLabel = (year: number) => t("yearTick", { year });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <StatCard
          testId="selections-teams"
          label={t("teamsCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={n(data.total.byCategory.干事创业好班子)}
          detail={t("ownDetail", { count: n(data.own.byCategory.干事创业好班子) })}
        />
        <StatCard
          testId="selections-cadres"
          label={t("cadresCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={tc("people", { count: n(data.total.byCategory.担当作为好干部) })}
          detail={t("ownDetailPeople", { count: n(data.own.byCategory.担当作为好干部) })}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId="panel-selections-regions"
            title={byRegionTitle}
            fileName={`${fileBase}-${compare}`}
            table={tableOf(
              tc("region"),
              data.children.map((c) => ({ label: childLabel(c), f: c })),
            )}
          >
            {data.children.some((c) => c.drillable) && (
              <p className="mb-1 text-xs text-muted print:hidden">{tc("drillHint")}</p>
            )}
            <ChartComboShare
              testId="chart-selections-regions"
              title={byRegionTitle}
              rows={data.children.map((c) =>
                toRow(incomplete.some((i) => i.code === c.code) ? `${childLabel(c)} *` : childLabel(c), c, {
                  code: c.code,
                  drillable: c.drillable,
                }),
              )}
              series={series}
              onSelect={onSelect}
              height={340}
              formatNumber={n}
              formatPercent={(v) => formatPercent(locale, v, 0)}
            />
            <IncompleteNote items={incomplete} />
          </ChartPanel>
        </div>
        <ChartPanel
          testId="panel-selections-trend"
          title={t("trend")}
          fileName={`${fileBase}-${t("trend")}`}
          table={tableOf(
            t("year"),
            data.trend.map((p) => ({ label: yearLabel(p.year), f: p })),
          )}
        >
          <ChartComboShare
            testId="chart-selections-trend"
            title={t("trend")}
            rows={data.trend.map((p) => toRow(yearLabel(p.year), p))}
            series={series}
            height={340}
            minBand={48}
            formatNumber={n}
            formatPercent={(v) => formatPercent(locale, v, 0)}
          />
        </ChartPanel>
      </div>
    </div>
  );
}
