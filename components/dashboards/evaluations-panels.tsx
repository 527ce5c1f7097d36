"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { CONCLUSION_COLOURS, KIND_COLOURS, SCORE_COLOURS } from "@/components/charts/palette";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { type EvaluationFigures, type EvaluationsView, evaluationScores } from "@/lib/api/evaluations";
import { evaluationConclusions, evaluationKinds } from "@/lib/contract";
import { formatPercent } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { SuppressedNote } from "./personnel-notes";
import { StatCard } from "./shell";

/**
 * A chart row's keys are spread onto its bars as attributes by Recharts: a score named `role`
 * would become an ARIA role. The series keys carry a prefix.
 */
const seriesKey = (score: string) => `score-${score}`;

type Props = { data: EvaluationsView; onSelect: (code: string) => void };

/**
 * 五看一测 at a glance: the five dimensions' and satisfaction's means per child region (a bar
 * opens the region), the conclusions and the kinds of evaluation per region, and the conclusions
 * per year. A region of fewer than three people has its count only; the server says which.
 */
export function EvaluationsPanels({ data, onSelect }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const periodLabel = usePeriodLabel();
  const n = (v: number) => format.number(v);
  const one = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (v: number) => formatPercent(locale, v);
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("evaluationsPage.title")}`;
  const compare =
    data.region.level === "autonomous_region" ? t("dashCommon.compareLeagues") : t("dashCommon.compareBanners");
  const childLabel = (c: ChildRegion) =>
    c.own ? t("dashCommon.own", { name: regionName(c, locale) }) : regionName(c, locale);
  const rowLabel = (c: ChildRegion & EvaluationFigures) => (c.suppressed ? `${childLabel(c)} †` : childLabel(c));
  const scoreLabel = (s: (typeof evaluationScores)[number]) => t(`evaluationsPage.scores.${s}`);
  const conclusionLabel = (c: (typeof evaluationConclusions)[number]) => t(`evaluationsPage.conclusions.${c}`);
  const kindLabel = (k: (typeof evaluationKinds)[number]) => t(`evaluationsPage.kinds.${k}`);
  const excellent = (f: EvaluationFigures) =>
    f.conclusions && f.evaluated > 0 ? f.conclusions.优秀 / f.evaluated : null;
  const regionCol = { label: t("dashCommon.region") };
  const countCol = (label: string) => ({ label, kind: "integer" as const });
  const scoreCol = (label: string) => ({ label, kind: "number" as const });
  const noteCol = { label: t("personnel.noteColumn") };
  const suppressedCell = (f: EvaluationFigures) => (f.suppressed ? t("personnel.suppressedShort") : "");

  const meansTable: ChartTable = {
    columns: [
      regionCol,
      countCol(t("evaluationsPage.evaluated")),
      ...evaluationScores.map((s) => scoreCol(scoreLabel(s))),
      noteCol,
    ],
    rows: data.children.map((c) => [
      childLabel(c),
      c.evaluated,
      ...evaluationScores.map((s) => c.means?.[s] ?? null),
      suppressedCell(c),
    ]),
  };
  const conclusionsTable = (first: string, list: { label: string; f: EvaluationFigures }[]): ChartTable => ({
    columns: [
      { label: first },
      countCol(t("evaluationsPage.evaluated")),
      ...evaluationConclusions.map((c) => countCol(conclusionLabel(c))),
      { label: t("evaluationsPage.excellentShare"), kind: "percent" as const },
      noteCol,
    ],
    rows: list.map(({ label, f }) => [
      label,
      f.evaluated,
      ...evaluationConclusions.map((c) => f.conclusions?.[c] ?? null),
      excellent(f),
      suppressedCell(f),
    ]),
  });
  const kindsTable: ChartTable = {
    columns: [
      regionCol,
      countCol(t("evaluationsPage.evaluated")),
      ...evaluationKinds.map((k) => countCol(kindLabel(k))),
      noteCol,
    ],
    rows: data.children.map((c) => [
      childLabel(c),
      c.evaluated,
      ...evaluationKinds.map((k) => c.kinds?.[k] ?? null),
      suppressedCell(c),
    ]),
  };
  const region = (c: ChildRegion & EvaluationFigures, values: Record<string, number | null>): ComboRow => ({
    label: rowLabel(c),
    code: c.code,
    drillable: c.drillable,
    ...values,
  });
  const chart = { formatNumber: n, formatPercent: pct, onSelect };
  const yearLabel = (year: number) => t("evaluationsPage.yearTick", { year });
  const total = data.total;

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          testId="evaluations-evaluated"
          label={t("evaluationsPage.evaluatedCard")}
          value={n(total.evaluated)}
          detail={t("evaluationsPage.evaluatedDetail", { people: n(total.people), own: n(data.own.evaluated) })}
        />
        <StatCard
          testId="evaluations-satisfaction"
          label={t("evaluationsPage.satisfactionCard")}
          value={total.suppressed ? "—" : one(total.means?.satisfaction)}
          detail={total.suppressed ? t("personnel.suppressed") : undefined}
        />
        <StatCard
          testId="evaluations-excellent"
          label={t("evaluationsPage.excellentCard")}
          value={excellent(total) === null ? "—" : pct(excellent(total) as number)}
          detail={
            total.conclusions
              ? t("evaluationsPage.excellentDetail", { count: n(total.conclusions.优秀), total: n(total.evaluated) })
              : t("personnel.suppressed")
          }
        />
      </div>
      {total.suppressed && (
        <p
          className="rounded-md border border-line bg-surface px-3 py-2 text-sm text-muted"
          data-testid="total-suppressed"
        >
          {t("personnel.totalSuppressed", { region: name, period: periodLabel(data.period) })}
        </p>
      )}

      <ChartPanel
        testId="panel-evaluations-means"
        title={`${compare} · ${t("evaluationsPage.byRegionMeans")}`}
        table={meansTable}
        fileName={`${fileBase}-${t("evaluationsPage.byRegionMeans")}`}
      >
        <ChartComboShare
          testId="chart-evaluations-means"
          title={`${compare} · ${t("evaluationsPage.byRegionMeans")}`}
          rows={data.children.map((c) =>
            region(c, Object.fromEntries(evaluationScores.map((s) => [seriesKey(s), c.means?.[s] ?? null]))),
          )}
          series={evaluationScores.map((s) => ({ key: seriesKey(s), label: scoreLabel(s), color: SCORE_COLOURS[s] }))}
          grouped
          height={340}
          minBand={70}
          {...chart}
        />
        <SuppressedNote regions={data.children} />
      </ChartPanel>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartPanel
          testId="panel-evaluations-conclusions"
          title={`${compare} · ${t("evaluationsPage.byRegionConclusions")}`}
          table={conclusionsTable(
            t("dashCommon.region"),
            data.children.map((c) => ({ label: childLabel(c), f: c })),
          )}
          fileName={`${fileBase}-${t("evaluationsPage.byRegionConclusions")}`}
        >
          <ChartComboShare
            testId="chart-evaluations-conclusions"
            title={`${compare} · ${t("evaluationsPage.byRegionConclusions")}`}
            rows={data.children.map((c) =>
              region(c, Object.fromEntries(evaluationConclusions.map((k) => [k, c.conclusions?.[k] ?? null]))),
            )}
            series={evaluationConclusions.map((k) => ({
              key: k,
              label: conclusionLabel(k),
              color: CONCLUSION_COLOURS[k],
            }))}
            height={320}
            minBand={28}
            {...chart}
          />
        </ChartPanel>
        <ChartPanel
          testId="panel-evaluations-kinds"
          title={`${compare} · ${t("evaluationsPage.byRegionKinds")}`}
          table={kindsTable}
          fileName={`${fileBase}-${t("evaluationsPage.byRegionKinds")}`}
        >
          <ChartComboShare
            testId="chart-evaluations-kinds"
            title={`${compare} · ${t("evaluationsPage.byRegionKinds")}`}
            rows={data.children.map((c) =>
              region(c, Object.fromEntries(evaluationKinds.map((k) => [k, c.kinds?.[k] ?? null]))),
            )}
            series={evaluationKinds.map((k) => ({ key: k, label: kindLabel(k), color: KIND_COLOURS[k] }))}
            height={320}
            minBand={28}
            {...chart}
          />
        </ChartPanel>
      </div>

      <ChartPanel
        testId="panel-evaluations-trend"
        title={t("evaluationsPage.trend")}
        table={conclusionsTable(
          t("evaluationsPage.year"),
          data.trend.map((y) => ({ label: yearLabel(y.year), f: y })),
        )}
        fileName={`${fileBase}-${t("evaluationsPage.trend")}`}
      >
        <ChartComboShare
          testId="chart-evaluations-trend"
          title={t("evaluationsPage.trend")}
          rows={data.trend.map((y) => ({
            label: yearLabel(y.year),
            ...Object.fromEntries(evaluationConclusions.map((k) => [k, y.conclusions?.[k] ?? null])),
            excellent: excellent(y),
          }))}
          series={evaluationConclusions.map((k) => ({
            key: k,
            label: conclusionLabel(k),
            color: CONCLUSION_COLOURS[k],
          }))}
          line={{ key: "excellent", label: t("evaluationsPage.excellentShare"), color: "var(--color-ink)" }}
          height={300}
          minBand={60}
          formatNumber={n}
          formatPercent={pct}
        />
      </ChartPanel>
    </div>
  );
}
