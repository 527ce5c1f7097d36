"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { LoadError } from "@/components/layout/load-error";
import { useTerm } from "@/components/layout/use-term";
import { projectHistoryQuery } from "@/lib/api/cycle";
import { formatAmount } from "@/lib/format";
import { rowRegionName } from "@/lib/region-name";

const card = "rounded-lg border border-line bg-surface p-4";
const h2 = "mb-2 text-base font-semibold text-ink";

/** One project's cycle as a timeline of its steps: 设榜 → 揭榜 → 推进 → 跟榜 → 评榜. */
export function ProjectHistoryClient({ code }: { code: string }) {
  const t = useTranslations("cycle");
  const th = useTranslations("cycle.history");
  const ts = useTranslations("stages");
  const term = useTerm();
  const locale = useLocale();
  const { data, error, refetch } = useQuery(projectHistoryQuery(code));
  if (error) return <LoadError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const { project, challenge } = data;
  const hidden = <span className="text-muted italic">{t("namesHidden")}</span>;
  const money = (v: number | null) => (v === null ? "—" : formatAmount(locale, v));

  return (
    <div className="space-y-4" data-testid="project-history">
      <p className="text-sm">
        <Link href="/projects" prefetch={false}>
          ← {th("back")}
        </Link>
      </p>
      <header>
        <h1 className="text-xl font-semibold text-ink">{th("heading", { name: project.name })}</h1>
        <p className="text-sm text-muted">
          {th("intro", {
            code: project.code,
            region: rowRegionName(project, locale) ?? project.regionCode,
            chain: project.industryChain ? term("chains", project.industryChain) : "—",
          })}
        </p>
      </header>

      <section className={card} aria-labelledby="history-summary">
        <h2 id="history-summary" className={h2}>
          {th("summary")}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          {[
            [th("leadCadre"), project.namesHidden ? hidden : project.leadCadre],
            [th("cadreUnit"), project.namesHidden ? hidden : (project.cadreUnit ?? "—")],
            [th("takenOn"), project.takenOn],
            [th("stage"), ts(project.stage)],
            [th("planned"), money(project.plannedInvestment)],
            [th("funds"), money(project.fundsInPlace)],
          ].map(([label, value]) => (
            <div key={String(label)} className="flex gap-2">
              <dt className="text-muted">{label}</dt>
              <dd className="text-ink" data-testid={label === th("leadCadre") ? "history-lead" : undefined}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <ol className="space-y-4">
        <li className={card} data-testid="history-challenge">
          <h2 className={h2}>1 · {th("challenge")}</h2>
          {challenge ? (
            <div className="space-y-1 text-sm">
              <p className="text-ink">
                {challenge.title} <span className="text-muted tabular-nums">{challenge.code}</span>
              </p>
              <p className="text-muted">
                {th("postedBy", { department: challenge.department ?? "—", day: challenge.postedOn })}
              </p>
              <p className="text-muted">
                {th("targets", {
                  investment: money(challenge.targetInvestment),
                  jobs: challenge.targetJobs ?? "—",
                })}
              </p>
            </div>
          ) : (
            <p className="text-sm text-muted">{th("noChallenge")}</p>
          )}
        </li>
        <li className={card} data-testid="history-applications">
          <h2 className={h2}>2 · {th("applications")}</h2>
          <ul className="space-y-1 text-sm">
            {data.applications.map((a) => (
              <li key={a.id}>
                <span className="tabular-nums text-muted">{a.appliedOn}</span>{" "}
                <span className="text-ink">{a.namesHidden ? hidden : a.applicant}</span>
                {!a.namesHidden && a.applicantUnit ? <span className="text-muted">（{a.applicantUnit}）</span> : null}{" "}
                <span className="text-muted">· {a.chosen ? th("chosen") : th("notChosen")}</span>
              </li>
            ))}
          </ul>
        </li>
        <li className={card} data-testid="history-stages">
          <h2 className={h2}>3 · {th("stages")}</h2>
          <ol className="flex flex-wrap gap-2 text-sm">
            {data.stages.map((s) => (
              <li key={s.stage} className="rounded border border-line px-2 py-1">
                <span className="text-ink">{ts(s.stage)}</span>{" "}
                <span className="text-muted tabular-nums">{s.reachedOn}</span>
              </li>
            ))}
          </ol>
        </li>
        <li className={card} data-testid="history-issues">
          <h2 className={h2}>4 · {th("issues")}</h2>
          {data.issues.length === 0 ? (
            <p className="text-sm text-muted">{th("noIssues")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {data.issues.map((i) => (
                <li key={i.issue}>
                  <span className="text-ink">{i.issue}</span>
                  <span className="text-muted">
                    {" "}
                    · {i.department ?? "—"} · {i.raisedOn}
                    {i.solvedOn ? ` → ${i.solvedOn} · ${th("solvedIn", { days: i.days ?? 0 })}` : ` · ${th("open")}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
        <li className={card} data-testid="history-evaluations">
          <h2 className={h2}>5 · {th("evaluations")}</h2>
          {data.evaluations.length === 0 ? (
            <p className="text-sm text-muted">{th("noEvaluations")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {data.evaluations.map((e) => (
                <li key={e.year}>
                  <span className="text-ink">
                    {th("evaluation", { year: e.year, grade: t(`grades.${e.grade}`), use: t(`uses.${e.use}`) })}
                  </span>
                  {e.evaluator && <span className="text-muted"> · {th("evaluator", { evaluator: e.evaluator })}</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
      </ol>
    </div>
  );
}
