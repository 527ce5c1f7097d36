"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatPercent } from "@/lib/format";
import type { CadreSummary } from "@/lib/types";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * 干部评价与培养: one card per evaluation and development dataset of the region and period, each
 * opening its dashboard on the same view. A share behind fewer than 3 people reads 人数较少.
 */
export function CadreCards({ cadres, view }: { cadres: CadreSummary; view: DashboardFilters }) {
  const t = useTranslations("cadreCards");
  const locale = useLocale();
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const share = (v: number | null) => (v === null ? t("fewPeople") : formatPercent(locale, v));
  const { evaluations, jobFit, youngCadres, selections, routine, care, organisations } = cadres;
  // The yearly datasets answer a quarter with its year: their pages take years only.
  const yearly =
    view.period?.kind === "quarter" ? { ...view, period: { kind: "year" as const, year: view.period.year } } : view;
  const cards = [
    {
      href: "/evaluations",
      key: "evaluations",
      value: n(evaluations.evaluated),
      detail: t("evaluationsDetail", { share: share(evaluations.excellentShare), special: n(evaluations.special) }),
    },
    {
      href: "/job-fit",
      key: "jobFit",
      value: n(jobFit.assessed),
      detail: t("jobFitDetail", { unfit: n(jobFit.unfit), moved: n(jobFit.moved) }),
    },
    {
      href: "/young-cadres",
      key: "youngCadres",
      value: n(youngCadres.selected),
      detail: t("youngCadresDetail", { promoted: n(youngCadres.promoted) }),
    },
    {
      href: "/selections",
      key: "selections",
      value: n(selections.teams + selections.cadres),
      detail: t("selectionsDetail", { teams: n(selections.teams), cadres: n(selections.cadres) }),
    },
    {
      href: "/routine-assessments",
      key: "routine",
      value: n(routine.assessed),
      detail: t("routineDetail", { points: n(routine.contactPoints), share: share(routine.goodShare) }),
    },
    {
      href: "/member-care",
      key: "care",
      value: n(care.celebrated),
      detail: t("careDetail", {
        units: n(care.units),
        coverage: care.coverage === null ? "—" : formatPercent(locale, care.coverage),
      }),
    },
    {
      href: "/organisations",
      key: "organisations",
      value: n(organisations.total),
      detail: t("organisationsDetail", {
        due: n(organisations.due),
        overdue: n(organisations.overdue),
        missing: n(organisations.missing),
      }),
    },
  ] as const;
  return (
    <section aria-labelledby="cadre-cards-heading" className="space-y-3" data-testid="cadre-cards">
      <h2 id="cadre-cards-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
        {cards.map((card) => (
          <li key={card.key}>
            <Link
              href={
                card.key === "organisations"
                  ? `${card.href}?region=${view.region ?? ""}`
                  : `${card.href}${dashboardSearch(card.key === "routine" || card.key === "care" ? view : yearly)}`
              }
              className="block h-full rounded-lg border border-line bg-surface p-3 shadow-sm hover:border-accent focus-visible:outline-2"
              data-testid={`cadre-card-${card.key}`}
            >
              <span className="block text-sm font-medium text-muted">{t(`${card.key}Label`)}</span>
              <span className="mt-1 block text-xl font-semibold tabular-nums text-ink">{card.value}</span>
              <span className="mt-1 block text-xs text-muted">{card.detail}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
