"use client";

import { useLocale, useTranslations } from "next-intl";
import { ChartBarShares } from "@/components/charts/chart-bar-shares";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { RankedBarsPlot } from "@/components/charts/lazy-plots";
import { GRADE_COLOURS, METHOD_COLOUR } from "@/components/charts/palette-development";
import type { ComboRow } from "@/components/charts/plot-types";
import { CompletenessMark, IncompleteNote, incompleteOf } from "@/components/rankings/completeness-mark";
import type { AssessedFigures, RoutineAssessmentsView, RoutineFigures } from "@/lib/api/routine-assessments";
import { assessmentMethods } from "@/lib/contract";
import { formatNumber, formatPercent } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { StatCard } from "./shell";

const GRADES = ["good", "fairlyGood", "average", "poor"] as const;

type Props = { data: RoutineAssessmentsView; onSelect: (code: string) => void };

/**
 * 平时考核: the grades as shares per child region (a banner: per contact point) and per quarter, and
 * the methods the contact points use. A group of fewer than 3 assessed comes without grades from
 * the server; it is drawn without a bar, marked, and named under the chart.
 */
export function RoutineAssessmentsPanels({ data, onSelect }: Props) {
  const t = useTranslations("routineAssessmentsPage");
  const tc = useTranslations("dashCommon");
  const tq = useTranslations("dashFilters");
  const locale = useLocale();
  const n = (v: number) => formatNumber(locale, v, 0);
  const pct = (v: number) => formatPercent(locale, v);
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("title")}`;
  const series = GRADES.map((g) => ({ key: g, label: t(g), color: GRADE_COLOURS[g] }));
  const quarterLabel = (p: { year: number; quarter: number }) =>
    tq("quarterTick", { year: p.year, quarter: p.quarter });
  const childLabel = (c: ChildRegion) => (c.own ? tc("own", { name: regionName(c, locale) }) : regionName(c, locale));
  const compare = data.region.level === "autonomous_region" ? tc("compareLeagues") : tc("compareBanners");
  const methodLabel = (m: (typeof assessmentMethods)[number]) => t(`methodNames.${m}`);

  /** A row of shares; a withheld or empty group has none (no bar), a withheld one is marked. */
  const toRow = (label: string, f: AssessedFigures, extra: Partial<ComboRow> = {}): ComboRow => {
    const shares = Object.fromEntries(GRADES.map((g) => [g, f.grades && f.assessed ? f.grades[g] / f.assessed : null]));
    return { label: f.suppressed ? t("suppressedMark", { label }) : label, ...shares, ...extra };
  };
  const gradeColumns = GRADES.map((g) => ({ label: t(g), kind: "integer" as const }));
  const gradeCells = (f: AssessedFigures) =>
    f.grades ? GRADES.map((g) => f.grades?.[g] ?? null) : GRADES.map(() => (f.suppressed ? t("suppressed") : null));
  const figuresTable = (first: string, list: { label: string; f: RoutineFigures }[]): ChartTable => ({
    columns: [
      { label: first },
      { label: t("contactPoints"), kind: "integer" },
      { label: t("assessed"), kind: "integer" },
      ...gradeColumns,
    ],
    rows: list.map(({ label, f }) => [label, f.contactPoints, f.assessed, ...gradeCells(f)]),
  });

  const points = data.points ?? [];
  // Within a banner its contact points' names start with the banner's: the chart leaves that out.
  const pointLabel = (p: (typeof points)[number]) => {
    const prefix = p.regionName;
    const short = p.name.startsWith(prefix) && p.name.length > prefix.length ? p.name.slice(prefix.length) : p.name;
    return p.regionCode === data.region.code
      ? short
      : `${regionName({ nameZh: p.regionName, nameEn: p.regionNameEn }, locale)} ${short}`;
  };
  const suppressedNames = data.points
    ? points.filter((p) => p.total.suppressed).map(pointLabel)
    : data.children.filter((c) => c.suppressed).map(childLabel);
  const incomplete = data.children.flatMap((c) => {
    const completeness = incompleteOf(data.completeness.byChild, c.code);
    return completeness ? [{ code: c.code, label: childLabel(c), completeness }] : [];
  });

  const byTitle = data.points ? t("byPoint") : `${compare} · ${t("byRegion")}`;
  const rows: ComboRow[] = data.points
    ? points.map((p) => toRow(pointLabel(p), p.total, { code: `${p.regionCode}|${p.name}` }))
    : data.children.map((c) =>
        toRow(incomplete.some((i) => i.code === c.code) ? `${childLabel(c)} *` : childLabel(c), c, {
          code: c.code,
          drillable: c.drillable,
        }),
      );
  const longest = Math.max(
    ...rows.map((r) => [...String(r.label)].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 12 : 6.8), 0)),
    60,
  );
  const categoryWidth = Math.min(220, Math.ceil(longest) + 24);
  const byTable: ChartTable = data.points
    ? {
        columns: [
          { label: t("contactPoint") },
          { label: t("quarter") },
          { label: t("assessed"), kind: "integer" },
          ...gradeColumns,
          { label: t("methodsColumn") },
        ],
        rows: points.flatMap((p) =>
          p.quarters.map((q) => [
            p.name,
            quarterLabel(q),
            q.assessed,
            ...gradeCells(q),
            p.methods.map(methodLabel).join("、"),
          ]),
        ),
      }
    : figuresTable(
        tc("region"),
        data.children.map((c) => ({ label: childLabel(c), f: c })),
      );

  const methods = assessmentMethods.map((m) => ({
    method: methodLabel(m),
    points: data.methods[m],
    label: `${n(data.methods[m])} / ${n(data.total.contactPoints)}`,
  }));
  const methodsInUse = methods.filter((m) => m.points > 0).length;
  const total = data.total;
  const goodShare = total.grades && total.assessed ? total.grades.good / total.assessed : null;
  const share = (v: number | undefined) => (v === undefined || !total.assessed ? "—" : pct(v / total.assessed));

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          testId="routine-points"
          label={t("pointsCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={t("pointsUnit", { count: n(total.contactPoints) })}
          detail={data.points ? undefined : t("ownPoints", { count: n(data.own.contactPoints) })}
        />
        <StatCard
          testId="routine-assessed"
          label={t("assessedCard")}
          mark={<CompletenessMark value={data.completeness.total} />}
          value={tc("people", { count: n(total.assessed) })}
        />
        <StatCard
          testId="routine-good"
          label={t("goodCard")}
          value={goodShare === null ? "—" : pct(goodShare)}
          detail={
            total.grades
              ? t("goodDetail", {
                  fairlyGood: share(total.grades.fairlyGood),
                  average: share(total.grades.average),
                  poor: share(total.grades.poor),
                })
              : total.suppressed
                ? t("suppressed")
                : undefined
          }
        />
        <StatCard
          testId="routine-methods"
          label={t("methodsCard")}
          value={n(methodsInUse)}
          detail={t("methodsDetail", { count: methodsInUse })}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel testId="panel-routine-groups" title={byTitle} fileName={`${fileBase}-${byTitle}`} table={byTable}>
            {!data.points && data.children.some((c) => c.drillable) && (
              <p className="mb-1 text-xs text-muted print:hidden">{tc("drillHint")}</p>
            )}
            <ChartBarShares
              testId="chart-routine-groups"
              title={byTitle}
              rows={rows}
              series={series}
              categoryWidth={categoryWidth}
              formatPercent={(v) => formatPercent(locale, v, 0)}
              onSelect={data.points ? undefined : onSelect}
            />
            <IncompleteNote items={incomplete} />
            {suppressedNames.length > 0 && (
              <p className="mt-1 text-[11px] leading-snug text-muted" data-testid="routine-suppressed">
                {t("suppressedNote", { names: suppressedNames.join("、") })}
              </p>
            )}
          </ChartPanel>
        </div>
        <ChartPanel
          testId="panel-routine-methods"
          title={t("methods")}
          fileName={`${fileBase}-${t("methods")}`}
          table={{
            columns: [{ label: t("method") }, { label: t("pointsUsing"), kind: "integer" }],
            rows: methods.map((m) => [m.method, m.points]),
          }}
        >
          <div style={{ height: 240 }} role="img" aria-label={t("methods")} data-testid="chart-routine-methods">
            <RankedBarsPlot
              rows={methods}
              category="method"
              categoryWidth={locale === "en" ? 124 : 56}
              series={[{ key: "points", label: t("pointsUsing"), color: METHOD_COLOUR }]}
              endLabel="label"
              integers
            />
          </div>
        </ChartPanel>
      </div>
      <ChartPanel
        testId="panel-routine-trend"
        title={t("trend")}
        fileName={`${fileBase}-${t("trend")}`}
        table={figuresTable(
          tc("period"),
          data.trend.map((q) => ({ label: quarterLabel(q), f: q })),
        )}
      >
        <ChartBarShares
          testId="chart-routine-trend"
          title={t("trend")}
          rows={data.trend.map((q) => toRow(quarterLabel(q), q))}
          series={series}
          categoryWidth={locale === "en" ? 72 : 96}
          formatPercent={(v) => formatPercent(locale, v, 0)}
        />
      </ChartPanel>
    </div>
  );
}
