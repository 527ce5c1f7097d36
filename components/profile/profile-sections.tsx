"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ScorecardCells, ScorecardHead } from "@/components/dashboards/indicators-status";
import { useTerm } from "@/components/layout/use-term";
import type { RegionProfile } from "@/lib/api/profile";
import { type AdjustmentType, arenaLevels, projectStages, promotionFields } from "@/lib/contract";
import { formatAmount } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import { dashboardSearch, projectSearch } from "@/lib/view";

/** The split of db/queries/adjustments.ts (which the browser cannot import): moved down, moved back up. */
const downTypes = ["免职", "降职", "调离"] as const satisfies readonly AdjustmentType[];
const upTypes = ["恢复任职", "提拔重用"] as const satisfies readonly AdjustmentType[];

/** One dataset's block: its figures, and the way to its full dashboard for the same region and period. */
function Section({
  id,
  title,
  href,
  className = "",
  children,
}: {
  id: string;
  title: string;
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations("profile");
  return (
    <section
      aria-labelledby={`profile-${id}`}
      data-testid={`profile-${id}`}
      className={`flex min-w-0 flex-col rounded-lg border border-line bg-surface p-4 shadow-sm ${className}`}
    >
      <h2 id={`profile-${id}`} className="text-base font-semibold text-ink">
        {title}
      </h2>
      <div className="mt-2 flex-1">{children}</div>
      <Link
        href={href}
        aria-label={t("dashboardLinkOf", { dataset: title })}
        className="mt-3 self-start text-sm text-sky-800 hover:underline print:hidden"
      >
        {t("dashboardLink")} →
      </Link>
    </section>
  );
}

/** The big figure of a block with its label. */
function Headline({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div>
      <p className="text-sm text-muted">{label}</p>
      <p className="text-2xl font-semibold tabular-nums text-ink">{value}</p>
      {detail && <p className="text-xs text-muted">{detail}</p>}
    </div>
  );
}

/** Label–value pairs, one or two to a row; a long label wraps rather than being cut. */
function Pairs({
  items,
  testId,
  columns = 2,
}: {
  items: { key: string; label: ReactNode; value: ReactNode }[];
  testId?: string;
  columns?: 1 | 2;
}) {
  return (
    <dl
      className={`mt-3 grid gap-x-4 gap-y-1.5 text-sm ${columns === 2 ? "grid-cols-2" : "grid-cols-1"}`}
      data-testid={testId}
    >
      {items.map((item) => (
        <div key={item.key} className="flex min-w-0 items-baseline justify-between gap-2 border-b border-line/60 pb-1">
          <dt className="min-w-0 text-muted">{item.label}</dt>
          <dd className="font-medium tabular-nums whitespace-nowrap text-ink" data-key={item.key}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ProfileSections({ data }: { data: RegionProfile }) {
  const t = useTranslations();
  const term = useTerm();
  const format = useFormatter();
  const locale = useLocale();
  const { region, period, totals, scorecard } = data;
  const code = region.code;
  const n = (v: number) => format.number(v);
  const wan = (v: number) => formatAmount(locale, v);
  const percent = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const name = regionName(region, locale);
  const scorecardPeriod =
    scorecard.quarter === null
      ? t("profile.indicators.wholeYear", { year: scorecard.year })
      : t("profile.indicators.quarter", { year: scorecard.year, quarter: scorecard.quarter });
  const indicatorsQuery = new URLSearchParams({ region: code, year: String(scorecard.year) });
  if (scorecard.quarter !== null) indicatorsQuery.set("quarter", String(scorecard.quarter));

  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      <Section
        id="promotions"
        title={t("profile.promotions.title")}
        href={`/promotions${dashboardSearch({ region: code, period })}`}
      >
        <Headline
          label={t("profile.promotions.frontline")}
          value={t("profile.people", { count: n(totals.promotions.frontline) })}
        />
        <Pairs
          testId="profile-promotions-figures"
          items={[
            { key: "total", label: t("profile.promotions.total"), value: n(totals.promotions.total) },
            { key: "share", label: t("profile.promotions.share"), value: percent(totals.promotions.share) },
          ]}
        />
        <h3 className="mt-3 text-xs font-medium text-muted">{t("profile.promotions.byField")}</h3>
        <Pairs
          testId="profile-promotions-fields"
          items={promotionFields.map((field) => ({
            key: field,
            label: t(`fields.${field}`),
            value: n(totals.promotions.byField[field]),
          }))}
        />
      </Section>

      <Section
        id="adjustments"
        title={t("profile.adjustments.title")}
        href={`/adjustments${dashboardSearch({ region: code, period })}`}
      >
        {/* Moved down on the left, moved back up on the right, each over its own types. */}
        <div className="grid grid-cols-2 gap-x-4" data-testid="profile-adjustments-types">
          {(
            [
              ["down", downTypes],
              ["up", upTypes],
            ] as const
          ).map(([side, types]) => (
            <div key={side} className="min-w-0">
              <Headline
                label={t(`profile.adjustments.${side}`)}
                value={n(totals.adjustments[side])}
                detail={t(`profile.adjustments.${side}Detail`)}
              />
              <dl className="mt-3 space-y-1.5 text-sm">
                {types.map((type) => (
                  <div
                    key={type}
                    className="flex min-w-0 items-baseline justify-between gap-2 border-b border-line/60 pb-1"
                  >
                    <dt className="min-w-0 text-muted">{t(`adjustmentTypes.${type}`)}</dt>
                    <dd className="font-medium tabular-nums text-ink" data-key={type}>
                      {n(totals.adjustments.byType[type])}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      </Section>

      <Section
        id="arena"
        title={t("profile.arena.title")}
        href={`/arena${dashboardSearch({ region: code, period: period.kind === "quarter" ? { kind: "year", year: period.year } : period })}`}
      >
        <Headline
          label={t("profile.arena.entries")}
          value={n(totals.arena.entries)}
          detail={period.kind === "quarter" ? t("profile.arena.yearly", { year: period.year }) : undefined}
        />
        <Pairs
          testId="profile-arena-levels"
          columns={1}
          items={arenaLevels.map((level) => ({
            key: level,
            label: `${t(`levels.${level}`)} · ${t(`themes.${level}`)}`,
            value: n(totals.arena.byLevel[level]),
          }))}
        />
      </Section>

      <Section
        id="projects"
        title={t("profile.projects.title")}
        href={`/projects${projectSearch({ region: code, period })}`}
      >
        <div className="grid grid-cols-2 gap-3">
          <Headline label={t("profile.projects.projects")} value={n(totals.projects.projects)} />
          <Headline label={t("profile.projects.cadres")} value={n(totals.projects.cadres)} />
        </div>
        <Pairs
          testId="profile-projects-money"
          columns={1}
          items={[
            { key: "planned", label: t("profile.projects.planned"), value: wan(totals.projects.plannedInvestment) },
            { key: "funds", label: t("profile.projects.funds"), value: wan(totals.projects.fundsInPlace) },
          ]}
        />
        <h3 className="mt-3 text-xs font-medium text-muted">{t("profile.projects.byStage")}</h3>
        <Pairs
          testId="profile-projects-stages"
          items={projectStages.map((stage) => ({
            key: stage,
            label: t(`stages.${stage}`),
            value: n(totals.projects.byStage[stage]),
          }))}
        />
        {data.cycle && (
          <>
            <h3 className="mt-3 text-xs font-medium text-muted">{t("profile.projects.cycle")}</h3>
            <Pairs
              testId="profile-projects-cycle"
              items={[
                { key: "posted", label: t("profile.projects.posted"), value: n(data.cycle.challenges.posted) },
                {
                  key: "applicants",
                  label: t("profile.projects.applicants"),
                  value: n(data.cycle.applications.applicants),
                },
                { key: "openIssues", label: t("profile.projects.openIssues"), value: n(data.cycle.issues.open) },
                {
                  key: "medianDays",
                  label: t("profile.projects.medianDays"),
                  value: data.cycle.issues.medianDays === null ? "—" : n(data.cycle.issues.medianDays),
                },
                {
                  key: "evaluated",
                  label: t("profile.projects.evaluated"),
                  value: n(data.cycle.evaluations.evaluated),
                },
                {
                  key: "excellent",
                  label: t("profile.projects.excellent"),
                  value: n(data.cycle.evaluations.byGrade.find((g) => g.grade === "优秀")?.projects ?? 0),
                },
              ]}
            />
          </>
        )}
      </Section>

      <Section
        id="indicators"
        title={t("profile.indicators.title")}
        href={`/indicators?${indicatorsQuery.toString()}`}
        className="md:col-span-2"
      >
        {scorecard.figures.length > 0 && (
          <p className="text-xs text-muted">
            {t("profile.indicators.period", { period: scorecardPeriod, region: name })}
          </p>
        )}
        {scorecard.figures.length === 0 ? (
          <>
            <p className="text-sm text-muted">
              {t("profile.indicators.none", { region: name, period: scorecardPeriod })}
            </p>
            {scorecard.children.length > 0 && (
              <>
                <h3 className="mt-3 text-xs font-medium text-muted">
                  {t("profile.indicators.childrenTitle", { period: scorecardPeriod })}
                </h3>
                <Pairs
                  testId="profile-scorecard-children"
                  columns={1}
                  items={scorecard.children.map((row) => ({
                    key: row.indicator,
                    label: row.indicator,
                    value:
                      row.targeted === 0
                        ? t("profile.indicators.childrenReported", { reported: row.reported })
                        : t("profile.indicators.childrenMet", { met: row.met, targeted: row.targeted }),
                  }))}
                />
              </>
            )}
          </>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-sm" data-testid="profile-scorecard">
              <thead className="text-muted">
                <ScorecardHead first={t("profile.indicators.indicator")} cell="px-2 py-1.5 sm:px-3" />
              </thead>
              <tbody>
                {scorecard.figures.map((f) => (
                  <tr key={f.indicator} className="border-b border-line/60 last:border-0">
                    <th scope="row" className="min-w-32 px-2 py-1.5 text-left font-normal sm:px-3">
                      {term("indicators", f.indicator)}
                    </th>
                    <ScorecardCells figure={f} cell="px-2 py-1.5 sm:px-3" />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
