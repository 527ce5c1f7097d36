"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ChartCycleSteps } from "@/components/charts/chart-cycle-steps";
import { ChartPanel } from "@/components/charts/chart-panel";
import { DataTable } from "@/components/charts/data-table";
import { RankedBarsPlot } from "@/components/charts/lazy-plots";
import { PROJECT_COLOURS } from "@/components/charts/palette";
import { ScrollBox } from "@/components/layout/scroll-box";
import { useTerm } from "@/components/layout/use-term";
import { cycleApplicationsQuery, cycleIssuesQuery, cycleQuery } from "@/lib/api/cycle";
import { formatAmount, formatNumber } from "@/lib/format";
import { regionName, rowRegionName } from "@/lib/region-name";
import type { Period } from "@/lib/view";

type Props = { region: string; regionLabel: string; period?: Period };

/**
 * 揭榜挂帅 as one cycle for the region and period in view: the five steps with their figures
 * (distinct applicants beside the projects they filed for; days to solve), challenges by chain,
 * evaluations by grade and by use, the roll-up per child region, and the records (applications,
 * with names by the rule; follow-up issues) a page at a time.
 */
export function ProjectCycle({ region, regionLabel, period }: Props) {
  const t = useTranslations("cycle");
  const tl = useTranslations("overview");
  const term = useTerm();
  const locale = useLocale();
  const { data } = useQuery(cycleQuery({ region, period }));
  if (!data) return <div className="h-64 animate-pulse rounded-lg bg-line/40" />;
  const n = (v: number) => formatNumber(locale, v);
  const days = (v: number | null) => (v === null ? "—" : formatNumber(locale, v, 1));
  const signed = data.stages.find((s) => s.stage === "已签约")?.projects ?? 0;
  const producing = data.stages.find((s) => s.stage === "已投产")?.projects ?? 0;
  const excellent = data.evaluations.byGrade.find((g) => g.grade === "优秀")?.projects ?? 0;
  const used = data.evaluations.byUse.filter((u) => u.use !== "无").reduce((sum, u) => sum + u.projects, 0);
  const empty =
    data.challenges.posted + data.applications.applications + data.stages[0].projects + data.issues.raised === 0;

  const steps = [
    {
      key: "posted",
      label: t("steps.posted"),
      value: t("postedValue", { count: data.challenges.posted }),
      details: [
        t("postedDetail", {
          taken: n(data.challenges.taken),
          open: n(data.challenges.open),
          closed: n(data.challenges.closed),
        }),
      ],
    },
    {
      key: "taken",
      label: t("steps.taken"),
      value: t("applicantsValue", { count: data.applications.applicants }),
      details: [
        t("applicantsDetail", {
          applications: n(data.applications.applications),
          challenges: n(data.applications.challenges),
          projects: n(data.applications.projects),
        }),
      ],
    },
    {
      key: "projects",
      label: t("steps.projects"),
      value: t("projectsValue", { count: data.stages[0].projects }),
      details: [
        t("projectsDetail", {
          signed: n(signed),
          producing: n(producing),
          funds: formatAmount(locale, data.fundsInPlace),
        }),
      ],
    },
    {
      key: "issues",
      label: t("steps.issues"),
      value: t("issuesValue", { count: data.issues.raised }),
      details: [
        t("issuesDetail", { solved: n(data.issues.solved), open: n(data.issues.open) }),
        data.issues.medianDays === null
          ? t("issuesNoDays")
          : t("issuesDays", { median: days(data.issues.medianDays), mean: days(data.issues.meanDays) }),
      ],
    },
    {
      key: "evaluated",
      label: t("steps.evaluated"),
      value: t("evaluatedValue", { count: data.evaluations.evaluated }),
      details: [t("evaluatedDetail", { excellent: n(excellent), used: n(used) })],
    },
  ];
  const chains = data.byChain.map((c) => ({ ...c, chain: term("chains", c.chain) }));
  const grades = data.evaluations.byGrade.map((g) => ({ label: t(`grades.${g.grade}`), projects: g.projects }));
  const uses = data.evaluations.byUse.map((u) => ({ label: t(`uses.${u.use}`), projects: u.projects }));
  const childName = (c: (typeof data.children)[number]) =>
    c.own ? tl("own", { name: regionName(c, locale) }) : regionName(c, locale);

  return (
    <section aria-labelledby="project-cycle" className="space-y-3" data-testid="project-cycle">
      <div>
        <h2 id="project-cycle" className="text-lg font-semibold text-ink">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      {empty ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">
          {t("empty", { region: regionLabel })}
        </p>
      ) : (
        <>
          <ChartCycleSteps title={t("heading")} steps={steps} />
          <div className="grid gap-4 lg:grid-cols-3">
            <ChartPanel
              title={t("byChain")}
              fileName={`${region}-${t("byChain")}`}
              testId="panel-cycle-chains"
              table={{
                columns: [
                  { label: t("chain") },
                  { label: t("postedCount"), kind: "integer" },
                  { label: t("takenCount"), kind: "integer" },
                  { label: t("openCount"), kind: "integer" },
                ],
                rows: chains.map((c) => [c.chain, c.posted, c.taken, c.open]),
              }}
            >
              <div style={{ height: 64 + chains.length * 40 }} role="img" aria-label={t("byChain")}>
                <RankedBarsPlot
                  rows={chains}
                  category="chain"
                  categoryWidth={locale === "en" ? 120 : 84}
                  series={[
                    { key: "posted", label: t("postedCount"), color: PROJECT_COLOURS.plannedInvestment },
                    { key: "taken", label: t("takenCount"), color: PROJECT_COLOURS.projects },
                  ]}
                  integers
                />
              </div>
            </ChartPanel>
            <ChartPanel
              title={t("byGrade")}
              fileName={`${region}-${t("byGrade")}`}
              testId="panel-cycle-grades"
              table={{
                columns: [{ label: t("grade") }, { label: t("count"), kind: "integer" }],
                rows: grades.map((g) => [g.label, g.projects]),
              }}
            >
              <div style={{ height: 200 }} role="img" aria-label={t("byGrade")}>
                <RankedBarsPlot
                  rows={grades}
                  category="label"
                  categoryWidth={locale === "en" ? 72 : 48}
                  series={[{ key: "projects", label: t("count"), color: PROJECT_COLOURS.fundsInPlace }]}
                  endLabel="projects"
                  integers
                />
              </div>
            </ChartPanel>
            <ChartPanel
              title={t("byUse")}
              fileName={`${region}-${t("byUse")}`}
              testId="panel-cycle-uses"
              table={{
                columns: [{ label: t("use") }, { label: t("count"), kind: "integer" }],
                rows: uses.map((u) => [u.label, u.projects]),
              }}
            >
              <div style={{ height: 220 }} role="img" aria-label={t("byUse")}>
                <RankedBarsPlot
                  rows={uses}
                  category="label"
                  categoryWidth={locale === "en" ? 150 : 72}
                  series={[{ key: "projects", label: t("count"), color: PROJECT_COLOURS.projects }]}
                  endLabel="projects"
                  integers
                />
              </div>
            </ChartPanel>
          </div>
          <div className="rounded-lg border border-line bg-surface p-3" data-testid="cycle-rollup">
            <h3 className="mb-2 font-medium text-ink">{t("rollup")}</h3>
            <DataTable
              table={{
                title: t("rollupCaption", { region: regionLabel }),
                columns: [
                  { label: t("region") },
                  { label: t("postedCount"), kind: "integer" },
                  { label: t("takenCount"), kind: "integer" },
                  { label: t("applicants"), kind: "integer" },
                  { label: t("projects"), kind: "integer" },
                  { label: t("producing"), kind: "integer" },
                  { label: t("openIssues"), kind: "integer" },
                  { label: t("solvedIssues"), kind: "integer" },
                  { label: t("medianDays"), kind: "number" },
                  { label: t("evaluated"), kind: "integer" },
                  { label: t("excellent"), kind: "integer" },
                ],
                rows: data.children.map((c) => [
                  childName(c),
                  c.posted,
                  c.taken,
                  c.applicants,
                  c.projects,
                  c.producing,
                  c.openIssues,
                  c.solvedIssues,
                  c.medianDays,
                  c.evaluated,
                  c.excellent,
                ]),
              }}
            />
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            <ApplicationList region={region} period={period} />
            <IssueList region={region} period={period} />
          </div>
        </>
      )}
    </section>
  );
}

const cell = "px-2 py-1 align-top";
const head = "px-2 py-1.5 text-left font-medium whitespace-nowrap";

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const t = useTranslations("cycle");
  if (pages <= 1) return null;
  const button = "rounded border border-line px-2 py-0.5 text-xs disabled:opacity-40 min-h-6";
  return (
    <div className="flex items-center justify-end gap-2 text-xs text-muted">
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </button>
      <span>{t("more", { page, pages })}</span>
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("next")}
      </button>
    </div>
  );
}

const PAGE = 50;

function ApplicationList({ region, period }: { region: string; period?: Period }) {
  const t = useTranslations("cycle");
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const { data } = useQuery(cycleApplicationsQuery({ region, period, page }));
  const hidden = <span className="text-muted italic">{t("namesHidden")}</span>;
  return (
    <details className="rounded-lg border border-line bg-surface p-3" data-testid="cycle-applications">
      <summary className="cursor-pointer font-medium text-ink">
        {t("applicationsTitle")}
        {data && <span className="ml-2 text-sm font-normal text-muted">{t("listTotal", { total: data.total })}</span>}
      </summary>
      {data && (
        <div className="mt-2 space-y-2">
          {data.rows.some((r) => r.namesHidden) && <p className="text-sm text-muted">{t("namesNote")}</p>}
          <ScrollBox label={t("applicationsTitle")}>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("applicationsTitle")}</caption>
              <thead className="bg-page text-muted">
                <tr>
                  <th scope="col" className={head}>
                    {t("challenge")}
                  </th>
                  <th scope="col" className={head}>
                    {t("region")}
                  </th>
                  <th scope="col" className={head}>
                    {t("applicant")}
                  </th>
                  <th scope="col" className={head}>
                    {t("applicantUnit")}
                  </th>
                  <th scope="col" className={head}>
                    {t("appliedOn")}
                  </th>
                  <th scope="col" className={head}>
                    {t("project")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr
                    key={`${r.challengeCode}|${r.appliedOn}|${r.applicant}|${r.projectCode}`}
                    className="border-t border-line"
                  >
                    <td className={cell}>
                      <span className="block text-ink">{r.challengeTitle ?? r.challengeCode}</span>
                      <span className="text-xs text-muted tabular-nums">{r.challengeCode}</span>
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>{rowRegionName(r, locale)}</td>
                    <td className={`${cell} whitespace-nowrap`} data-testid="applicant">
                      {r.namesHidden ? hidden : r.applicant}
                    </td>
                    <td className={cell}>{r.namesHidden ? hidden : (r.applicantUnit ?? "—")}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{r.appliedOn}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>
                      {r.projectCode ? (
                        <Link prefetch={false} href={`/projects/${encodeURIComponent(r.projectCode)}`}>
                          {r.projectCode}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <Pager page={page} pages={Math.ceil(data.total / PAGE)} onPage={setPage} />
        </div>
      )}
    </details>
  );
}

function IssueList({ region, period }: { region: string; period?: Period }) {
  const t = useTranslations("cycle");
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const { data } = useQuery(cycleIssuesQuery({ region, period, page }));
  return (
    <details className="rounded-lg border border-line bg-surface p-3" data-testid="cycle-issues">
      <summary className="cursor-pointer font-medium text-ink">
        {t("issuesTitle")}
        {data && <span className="ml-2 text-sm font-normal text-muted">{t("listTotal", { total: data.total })}</span>}
      </summary>
      {data && (
        <div className="mt-2 space-y-2">
          <ScrollBox label={t("issuesTitle")}>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("issuesTitle")}</caption>
              <thead className="bg-page text-muted">
                <tr>
                  <th scope="col" className={head}>
                    {t("project")}
                  </th>
                  <th scope="col" className={head}>
                    {t("issue")}
                  </th>
                  <th scope="col" className={head}>
                    {t("department")}
                  </th>
                  <th scope="col" className={head}>
                    {t("raisedOn")}
                  </th>
                  <th scope="col" className={head}>
                    {t("status")}
                  </th>
                  <th scope="col" className={`${head} text-right`}>
                    {t("days")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.projectCode}|${r.issue}`} className="border-t border-line">
                    <td className={cell}>
                      <Link prefetch={false} href={`/projects/${encodeURIComponent(r.projectCode)}`} className="block">
                        {r.projectName ?? r.projectCode}
                      </Link>
                      <span className="text-xs text-muted">{rowRegionName(r, locale)}</span>
                    </td>
                    <td className={cell}>{r.issue}</td>
                    <td className={cell}>{r.department ?? "—"}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{r.raisedOn}</td>
                    <td className={`${cell} whitespace-nowrap`}>{t(`statuses.${r.status}`)}</td>
                    <td className={`${cell} text-right tabular-nums`}>{r.days ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <Pager page={page} pages={Math.ceil(data.total / PAGE)} onPage={setPage} />
        </div>
      )}
    </details>
  );
}
