"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartComboShare, type ComboRow } from "@/components/charts/chart-combo-share";
import { ChartHistogram } from "@/components/charts/chart-histogram";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { ACTION_COLOURS, BUCKET_COLOURS } from "@/components/charts/palette";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { type JobFitFigures, type JobFitView, jobFitBuckets } from "@/lib/api/evaluations";
import { type JobFitAction, jobFitActions } from "@/lib/contract";
import { formatPercent } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";
import { periodKey } from "@/lib/view";
import { KeyCounts } from "./breakdown-charts";
import { SuppressedNote } from "./personnel-notes";
import { StatCard } from "./shell";

type Props = { data: JobFitView; onSelect: (code: string) => void };

/** The actions a chart shows (无 would dwarf the rest; the tables keep it). */
const FOLLOW_UPS = jobFitActions.filter((a) => a !== "无");

/**
 * 适岗指数 at a glance: the index's distribution (the region's, and per child region, a bar opens
 * the region), the share 不适岗 and what followed it, beside the 能上能下 the same regions
 * reported for the same years. A region of fewer than three people has its count only.
 */
export function JobFitPanels({ data, onSelect }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const periodLabel = usePeriodLabel();
  const n = (v: number) => format.number(v);
  const one = (v: number | null) =>
    v === null ? "—" : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (v: number) => formatPercent(locale, v);
  const name = regionName(data.region, locale);
  const fileBase = `${name}-${periodKey(data.period)}-${t("jobFitPage.title")}`;
  const compare =
    data.region.level === "autonomous_region" ? t("dashCommon.compareLeagues") : t("dashCommon.compareBanners");
  const childLabel = (c: ChildRegion) =>
    c.own ? t("dashCommon.own", { name: regionName(c, locale) }) : regionName(c, locale);
  const rowLabel = (c: ChildRegion & JobFitFigures) => (c.suppressed ? `${childLabel(c)} †` : childLabel(c));
  const actionLabel = (a: JobFitAction) => t(`jobFitPage.actions.${a}`);
  const count = (label: string) => ({ label, kind: "integer" as const });
  const noteCol = { label: t("personnel.noteColumn") };
  const note = (f: JobFitFigures) => (f.suppressed ? t("personnel.suppressedShort") : "");
  const region = (c: ChildRegion & JobFitFigures, values: Record<string, number | null>): ComboRow => ({
    label: rowLabel(c),
    code: c.code,
    drillable: c.drillable,
    ...values,
  });
  const total = data.total;
  const byRegion = (title: string) => `${compare} · ${title}`;

  const distributionTable: ChartTable = {
    columns: [
      { label: t("dashCommon.region") },
      count(t("jobFitPage.assessed")),
      { label: t("jobFitPage.mean"), kind: "number" },
      ...jobFitBuckets.map(count),
      noteCol,
    ],
    rows: data.children.map((c) => [
      childLabel(c),
      c.assessed,
      c.mean,
      ...jobFitBuckets.map((b) => c.buckets?.[b] ?? null),
      note(c),
    ]),
  };
  const unfitTable: ChartTable = {
    columns: [
      { label: t("dashCommon.region") },
      count(t("jobFitPage.assessed")),
      count(t("jobFitPage.unfit")),
      { label: t("jobFitPage.unfitShare"), kind: "percent" },
      count(t("jobFitPage.unfitMoved")),
      count(t("jobFitPage.unfitDismissed")),
      count(t("jobFitPage.down")),
      count(t("adjustmentTypes.免职")),
      count(t("adjustmentTypes.降职")),
      count(t("adjustmentTypes.调离")),
      noteCol,
    ],
    rows: data.children.map((c) => [
      childLabel(c),
      c.assessed,
      c.unfit,
      c.unfitShare,
      c.unfitActions?.调整岗位 ?? null,
      c.unfitActions?.["免职/降职"] ?? null,
      c.adjustments.down,
      c.adjustments.byType.免职,
      c.adjustments.byType.降职,
      c.adjustments.byType.调离,
      note(c),
    ]),
  };
  const actionsTable: ChartTable = {
    columns: [
      { label: t("dashCommon.region") },
      count(t("jobFitPage.assessed")),
      ...jobFitActions.map((a) => count(actionLabel(a))),
      noteCol,
    ],
    rows: data.children.map((c) => [
      childLabel(c),
      c.assessed,
      ...jobFitActions.map((a) => c.actions?.[a] ?? null),
      note(c),
    ]),
  };
  const histogramTable: ChartTable = {
    columns: [{ label: t("jobFitPage.bucket") }, count(t("jobFitPage.count"))],
    rows: jobFitBuckets.map((b) => [b, total.buckets?.[b] ?? null]),
  };
  const chart = { formatNumber: n, formatPercent: pct, onSelect };

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          testId="job-fit-assessed"
          label={t("jobFitPage.assessedCard")}
          value={t("dashCommon.people", { count: n(total.assessed) })}
          detail={
            total.suppressed ? t("personnel.suppressed") : t("jobFitPage.assessedDetail", { mean: one(total.mean) })
          }
        />
        <StatCard
          testId="job-fit-unfit"
          label={t("jobFitPage.unfitCard")}
          value={total.unfitShare === null ? "—" : pct(total.unfitShare)}
          detail={
            total.unfit === null
              ? t("personnel.suppressed")
              : t("jobFitPage.unfitDetail", {
                  count: n(total.unfit),
                  total: n(total.assessed),
                  moved: n(total.unfitActions?.调整岗位 ?? 0),
                  dismissed: n(total.unfitActions?.["免职/降职"] ?? 0),
                })
          }
        />
        <StatCard
          testId="job-fit-adjustments"
          label={t("jobFitPage.adjustmentsCard")}
          value={t("dashCommon.people", { count: n(total.adjustments.down) })}
          detail={t("jobFitPage.adjustmentsDetail", {
            dismissed: n(total.adjustments.byType.免职),
            demoted: n(total.adjustments.byType.降职),
            transferred: n(total.adjustments.byType.调离),
          })}
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

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId="panel-job-fit-distribution"
            title={byRegion(t("jobFitPage.byRegionDistribution"))}
            table={distributionTable}
            fileName={`${fileBase}-${t("jobFitPage.byRegionDistribution")}`}
          >
            <ChartComboShare
              testId="chart-job-fit-distribution"
              title={byRegion(t("jobFitPage.byRegionDistribution"))}
              rows={data.children.map((c) =>
                region(c, Object.fromEntries(jobFitBuckets.map((b) => [b, c.buckets?.[b] ?? null]))),
              )}
              series={jobFitBuckets.map((b) => ({ key: b, label: b, color: BUCKET_COLOURS[b] }))}
              height={340}
              minBand={28}
              {...chart}
            />
            <SuppressedNote regions={data.children} />
          </ChartPanel>
        </div>
        <ChartPanel
          testId="panel-job-fit-histogram"
          title={t("jobFitPage.distribution", { region: name })}
          table={histogramTable}
          fileName={`${fileBase}-${t("jobFitPage.distribution", { region: name })}`}
        >
          {total.buckets ? (
            <ChartHistogram
              testId="chart-job-fit-histogram"
              title={t("jobFitPage.distribution", { region: name })}
              rows={jobFitBuckets.map((b) => ({ label: b, n: total.buckets?.[b] ?? 0 }))}
              series={[{ key: "n", label: t("jobFitPage.count"), color: "var(--series-1)" }]}
            />
          ) : (
            <p className="py-12 text-center text-sm text-muted">{t("personnel.suppressed")}</p>
          )}
        </ChartPanel>
      </div>

      <ChartPanel
        testId="panel-job-fit-unfit"
        title={byRegion(t("jobFitPage.byRegionUnfit"))}
        table={unfitTable}
        note={t("jobFitPage.note")}
        fileName={`${fileBase}-${t("jobFitPage.byRegionUnfit")}`}
      >
        <ChartComboShare
          testId="chart-job-fit-unfit"
          title={byRegion(t("jobFitPage.byRegionUnfit"))}
          rows={data.children.map((c) =>
            region(c, {
              unfit: c.unfit,
              moved: c.unfitActions?.调整岗位 ?? null,
              dismissed: c.unfitActions?.["免职/降职"] ?? null,
              down: c.adjustments.down,
            }),
          )}
          series={[
            { key: "unfit", label: t("jobFitPage.unfit"), color: "var(--series-2)" },
            { key: "moved", label: t("jobFitPage.unfitMoved"), color: ACTION_COLOURS.调整岗位 },
            { key: "dismissed", label: t("jobFitPage.unfitDismissed"), color: ACTION_COLOURS["免职/降职"] },
            { key: "down", label: t("jobFitPage.down"), color: "var(--series-1)" },
          ]}
          grouped
          height={320}
          minBand={64}
          {...chart}
        />
        <p className="mt-2 text-xs text-muted">{t("jobFitPage.note")}</p>
      </ChartPanel>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ChartPanel
            testId="panel-job-fit-actions"
            title={byRegion(t("jobFitPage.byRegionActions"))}
            table={actionsTable}
            fileName={`${fileBase}-${t("jobFitPage.byRegionActions")}`}
          >
            <ChartComboShare
              testId="chart-job-fit-actions"
              title={byRegion(t("jobFitPage.byRegionActions"))}
              rows={data.children.map((c) =>
                region(c, Object.fromEntries(FOLLOW_UPS.map((a) => [a, c.actions?.[a] ?? null]))),
              )}
              series={FOLLOW_UPS.map((a) => ({ key: a, label: actionLabel(a), color: ACTION_COLOURS[a] }))}
              height={300}
              minBand={28}
              {...chart}
            />
          </ChartPanel>
        </div>
        <KeyCounts
          title={t("jobFitPage.actionsCard")}
          items={jobFitActions.map((a) => ({
            key: a,
            label: actionLabel(a),
            color: ACTION_COLOURS[a],
            value: total.actions ? n(total.actions[a]) : "—",
            testId: `action-${a}`,
          }))}
        />
      </div>
    </div>
  );
}
