"use client";

import { useLocale, useTranslations } from "next-intl";
import { ChartComboShare } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { RankedBarsPlot } from "@/components/charts/lazy-plots";
import { FUNNEL_COLOURS } from "@/components/charts/palette-development";
import type { ComboRow } from "@/components/charts/plot-types";
import { CompletenessMark, IncompleteNote, incompleteOf } from "@/components/rankings/completeness-mark";
import type { YoungCadreFigures, YoungCadresView } from "@/lib/api/young-cadres";
import { formatNumber, formatPercent, parenthetical } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { StatCard } from "./shell";

const STAGES = ["selected", "trained", "frontline", "promoted"] as const;
const RATES = { trained: "trainedRate", frontline: "frontlineRate", promoted: "promotedRate" } as const;

type Props = { data: YoungCadresView; onSelect: (code: string) => void };

/** 雏雁行动: the funnel of the whole region, per child region (a region's columns open it) and per year. */
export function YoungCadresPanels({ data, onSelect }: Props) {
  const t = useTranslations("youngCadresPage");
  const tc = useTranslations("dashCommon");
  const locale = useLocale();
  const n = (v: number) => formatNumber(locale, v, 0);
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(locale, v));
  const axisPct = (v: number) => formatPercent(locale, v, 0);
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("title")}`;
  const childLabel = (c: ChildRegion) => (c.own ? tc("own", { name: regionName(c, locale) }) : regionName(c, locale));
  const compare = data.region.level === "autonomous_region" ? tc("compareLeagues") : tc("compareBanners");
  const series = STAGES.map((key) => ({ key, label: t(key), color: FUNNEL_COLOURS[key] }));
  const line = { key: "promotedRate", label: t("promotedRate"), color: FUNNEL_COLOURS.rate };
  const toRow = (label: string, f: YoungCadreFigures, extra: Partial<ComboRow> = {}): ComboRow => ({
    label,
    selected: f.selected,
    trained: f.trained,
    frontline: f.frontline,
    promoted: f.promoted,
    promotedRate: f.promotedRate,
    ...extra,
  });
  const tableOf = (first: string, list: { label: string; f: YoungCadreFigures }[], extra?: string): ChartTable => ({
    columns: [
      { label: first },
      ...STAGES.map((s) => ({ label: t(s), kind: "integer" as const })),
      ...Object.values(RATES).map((r) => ({ label: t(r), kind: "percent" as const })),
      { label: t("under35Column"), kind: "number" as const },
      ...(extra ? [{ label: extra }] : []),
    ],
    rows: list.map(({ label, f }) => [
      label,
      ...STAGES.map((s) => f[s]),
      f.trainedRate,
      f.frontlineRate,
      f.promotedRate,
      f.under35Share,
    ]),
  });
  const incomplete = data.children.flatMap((c) => {
    const completeness = incompleteOf(data.completeness.byChild, c.code);
    return completeness ? [{ code: c.code, label: childLabel(c), completeness }] : [];
  });
  const funnel = STAGES.map((stage) => {
    const value = data.total[stage];
    const rate = stage === "selected" ? null : data.total[RATES[stage]];
    return {
      stage: t(stage),
      people: value,
      rate,
      label: n(value) + (rate === null ? "" : parenthetical(locale, formatPercent(locale, rate, 0))),
    };
  });
  const byRegionTitle = `${compare} · ${t("byRegion")}`;
  const cards = [
    {
      key: "selected",
      label: t("selectedCard"),
      value: data.total.selected,
      detail: [
        t("ownDetail", { count: n(data.own.selected) }),
        data.total.under35Share === null
          ? null
          : t("under35Detail", { share: `${formatNumber(locale, data.total.under35Share, 1)}%` }),
      ]
        .filter(Boolean)
        .join(" · "),
    },
    ...(["trained", "frontline", "promoted"] as const).map((stage) => ({
      key: stage,
      label: t(`${stage}Card`),
      value: data.total[stage],
      detail: t("rateDetail", { label: t(RATES[stage]), rate: pct(data.total[RATES[stage]]) }),
    })),
  ];

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <StatCard
            key={c.key}
            testId={`young-${c.key}`}
            label={c.label}
            mark={<CompletenessMark value={data.completeness.total} />}
            value={tc("people", { count: n(c.value) })}
            detail={c.detail}
          />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <ChartPanel
          testId="panel-young-funnel"
          title={t("funnel")}
          fileName={`${fileBase}-${t("funnel")}`}
          table={{
            columns: [
              { label: t("stage") },
              { label: t("people"), kind: "integer" },
              { label: t("ofSelected"), kind: "percent" },
            ],
            rows: funnel.map((f) => [f.stage, f.people, f.rate]),
          }}
        >
          <div style={{ height: 240 }} role="img" aria-label={t("funnel")} data-testid="chart-young-funnel">
            <RankedBarsPlot
              rows={funnel}
              category="stage"
              categoryWidth={locale === "en" ? 112 : 64}
              series={[{ key: "people", label: t("people"), color: FUNNEL_COLOURS.frontline }]}
              endLabel="label"
              integers
            />
          </div>
        </ChartPanel>
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId="panel-young-regions"
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
              grouped
              height={340}
              minBand={56}
              testId="chart-young-regions"
              title={byRegionTitle}
              rows={data.children.map((c) =>
                toRow(incomplete.some((i) => i.code === c.code) ? `${childLabel(c)} *` : childLabel(c), c, {
                  code: c.code,
                  drillable: c.drillable,
                }),
              )}
              series={series}
              line={line}
              onSelect={onSelect}
              formatNumber={n}
              formatPercent={axisPct}
            />
            <IncompleteNote items={incomplete} />
          </ChartPanel>
        </div>
      </div>
      <ChartPanel
        testId="panel-young-trend"
        title={t("trend")}
        fileName={`${fileBase}-${t("trend")}`}
        table={tableOf(
          t("year"),
          data.trend.map((p) => ({ label: t("yearTick", { year: p.year }), f: p })),
        )}
      >
        <ChartComboShare
          grouped
          testId="chart-young-trend"
          title={t("trend")}
          rows={data.trend.map((p) => toRow(t("yearTick", { year: p.year }), p))}
          series={series}
          line={line}
          height={300}
          minBand={72}
          formatNumber={n}
          formatPercent={axisPct}
        />
      </ChartPanel>
    </div>
  );
}
