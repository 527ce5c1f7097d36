"use client";

import { useLocale, useTranslations } from "next-intl";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { RankedBarsPlot } from "@/components/charts/lazy-plots";
import { CARE_COLOURS } from "@/components/charts/palette-development";
import { CompletenessMark, IncompleteNote, incompleteOf } from "@/components/rankings/completeness-mark";
import type { CareFigures, MemberCareView } from "@/lib/api/member-care";
import { formatNumber, formatPercent } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { StatCard } from "./shell";

type Props = { data: MemberCareView; onSelect: (code: string) => void };

/**
 * 政治生日: members whose joining month it was against those celebrated, with the coverage as a
 * line, per child region (drillable), per Party organisation of the region itself and per month.
 */
export function MemberCarePanels({ data, onSelect }: Props) {
  const t = useTranslations("memberCarePage");
  const tc = useTranslations("dashCommon");
  const locale = useLocale();
  const n = (v: number) => formatNumber(locale, v, 0);
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(locale, v));
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("title")}`;
  const series = [
    { key: "due", label: t("due"), color: CARE_COLOURS.due },
    { key: "celebrated", label: t("celebrated"), color: CARE_COLOURS.celebrated },
  ];
  const line = { key: "coverage", label: t("coverage"), color: CARE_COLOURS.coverage };
  const lineDetail = (row: ComboRow) =>
    `${n(Number(row.celebrated ?? 0))} / ${n(Number(row.due ?? 0))} = ${pct((row.coverage as number | null) ?? null)}`;
  const toRow = (label: string, f: Omit<CareFigures, "units">, extra: Partial<ComboRow> = {}): ComboRow => ({
    label,
    due: f.due,
    celebrated: f.celebrated,
    coverage: f.coverage,
    ...extra,
  });
  const figureColumns = [
    { label: t("due"), kind: "integer" as const },
    { label: t("celebrated"), kind: "integer" as const },
    { label: t("coverage"), kind: "percent" as const },
  ];
  const childLabel = (c: ChildRegion) => (c.own ? tc("own", { name: regionName(c, locale) }) : regionName(c, locale));
  // An English region's own-level name is too long for a slanted axis label: the bar says "Own level".
  const barLabel = (c: ChildRegion) => (c.own && locale === "en" ? tc("ownLevel") : childLabel(c));
  const compare = data.region.level === "autonomous_region" ? tc("compareLeagues") : tc("compareBanners");
  const monthLabel = (m: { year: number; month: number }) => t("monthTick", { year: m.year, month: m.month });
  const incomplete = data.children.flatMap((c) => {
    const completeness = incompleteOf(data.completeness.byChild, c.code);
    return completeness ? [{ code: c.code, label: childLabel(c), completeness }] : [];
  });
  const byRegion = `${compare} · ${t("byRegion")}`;
  const regionTable: ChartTable = {
    columns: [{ label: tc("region") }, { label: t("units"), kind: "integer" }, ...figureColumns],
    rows: data.children.map((c) => [childLabel(c), c.units, c.due, c.celebrated, c.coverage]),
  };
  const unitTable: ChartTable = {
    columns: [
      { label: t("unit") },
      { label: t("months"), kind: "integer" },
      ...figureColumns,
      { label: t("activity") },
    ],
    rows: data.units.map((u) => [u.unit, u.months, u.due, u.celebrated, u.coverage, u.activities.join("、")]),
  };
  // Within a region its organisations' names start with the region's: the chart leaves that out.
  const unitLabel = (u: MemberCareView["units"][number]) =>
    u.unit.startsWith(u.regionName) && u.unit.length > u.regionName.length ? u.unit.slice(u.regionName.length) : u.unit;
  // Horizontal bars: organisations' names are long. A name beyond what the axis holds is cut with …; the table has it whole.
  const unitRows = data.units.map((u) => {
    const label = unitLabel(u);
    return {
      unit: [...label].length > 16 ? `${[...label].slice(0, 15).join("")}…` : label,
      due: u.due,
      celebrated: u.celebrated,
      label: pct(u.coverage),
    };
  });
  const unitWidth = Math.min(
    208,
    Math.max(
      60,
      ...unitRows.map((r) => [...r.unit].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 12 : 7), 0)),
    ) + 12,
  );
  const ownUnits = data.children.length > 0 ? t("ownUnits", { name }) : t("byUnit");
  const total = data.total;

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          testId="care-units"
          label={t("unitsCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={t("unitsUnit", { count: n(total.units) })}
          detail={data.children.length > 0 ? t("ownUnitsDetail", { count: n(data.own.units) }) : undefined}
        />
        <StatCard testId="care-due" label={t("dueCard")} value={t("people", { count: n(total.due) })} />
        <StatCard
          testId="care-celebrated"
          label={t("celebratedCard")}
          value={t("people", { count: n(total.celebrated) })}
        />
        <StatCard
          testId="care-coverage"
          label={t("coverageCard")}
          value={pct(total.coverage)}
          detail={t("coverageDetail", { celebrated: n(total.celebrated), due: n(total.due) })}
        />
      </div>
      {data.children.length > 0 && (
        <ChartPanel
          testId="panel-care-regions"
          title={byRegion}
          fileName={`${fileBase}-${byRegion}`}
          table={regionTable}
        >
          {data.children.some((c) => c.drillable) && (
            <p className="mb-1 text-xs text-muted print:hidden">{tc("drillHint")}</p>
          )}
          <ChartComboShare
            testId="chart-care-regions"
            title={byRegion}
            rows={data.children.map((c) =>
              toRow(incomplete.some((i) => i.code === c.code) ? `${barLabel(c)} *` : barLabel(c), c, {
                code: c.code,
                drillable: c.drillable,
              }),
            )}
            series={series}
            line={line}
            lineDetail={lineDetail}
            grouped
            onSelect={onSelect}
            formatNumber={n}
            formatPercent={(v) => formatPercent(locale, v, 0)}
          />
          <IncompleteNote items={incomplete} />
        </ChartPanel>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartPanel testId="panel-care-units" title={ownUnits} fileName={`${fileBase}-${ownUnits}`} table={unitTable}>
          {data.units.length === 0 ? (
            <p className="py-6 text-center text-sm text-muted">{t("noOwnUnits", { name })}</p>
          ) : (
            <div
              style={{ height: unitRows.length * 44 + 56 }}
              role="img"
              aria-label={ownUnits}
              data-testid="chart-care-units"
            >
              <RankedBarsPlot
                rows={unitRows}
                category="unit"
                categoryWidth={unitWidth}
                series={[series[1], series[0]]}
                endLabel="label"
                integers
              />
            </div>
          )}
        </ChartPanel>
        <ChartPanel
          testId="panel-care-trend"
          title={t("trend")}
          fileName={`${fileBase}-${t("trend")}`}
          table={{
            columns: [{ label: t("month") }, { label: t("units"), kind: "integer" }, ...figureColumns],
            rows: data.trend.map((m) => [monthLabel(m), m.units, m.due, m.celebrated, m.coverage]),
          }}
        >
          <ChartComboShare
            testId="chart-care-trend"
            title={t("trend")}
            rows={data.trend.map((m) => toRow(monthLabel(m), m))}
            series={series}
            line={line}
            lineDetail={lineDetail}
            grouped
            formatNumber={n}
            formatPercent={(v) => formatPercent(locale, v, 0)}
          />
        </ChartPanel>
      </div>
    </div>
  );
}
