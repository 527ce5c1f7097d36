"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { PeriodPicker, usePeriodLabel } from "@/components/filters/period-picker";
import { RegionCascade } from "@/components/filters/region-cascade";
import { RegionTrail } from "@/components/filters/region-trail";
import { LoadError } from "@/components/layout/load-error";
import { PrintButton } from "@/components/layout/print-button";
import { profileHref } from "@/lib/api/profile";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";
import type { DashboardFilters, Period, PeriodKind } from "@/lib/view";

type Props = {
  /** Message key of the heading, with {region} and {period}. */
  heading: string;
  /** The heading in words, where the page words its period its own way (a scorecard's 全年). */
  title?: string;
  region: RegionPath;
  /** Undefined: all years (only with `allowAll`). */
  period: Period | undefined;
  years: number[];
  leagues: LeagueOption[];
  /** The periods the dataset can answer; all three by default. */
  kinds?: readonly PeriodKind[];
  allowAll?: boolean;
  /** The URL of another view, keeping the page's own parameters (the page's search-params.ts). */
  hrefOf: (filters: DashboardFilters) => string;
  /** A line under the heading. */
  intro?: ReactNode;
};

/**
 * The head of a dashboard page: where the view sits (a breadcrumb back up, keeping the period),
 * what it shows, and the region and period pickers that change it.
 */
export function DashboardHeader({
  heading,
  title,
  region,
  period,
  years,
  leagues,
  kinds,
  allowAll,
  hrefOf,
  intro,
}: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <RegionTrail path={region.path} hrefOf={(code) => hrefOf({ region: code, period })} />
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            {/* keep-all: a narrow screen breaks the heading at its spaces (" · "), never inside "2023年". */}
            <h1 className="text-2xl font-semibold break-keep text-ink">
              {title ?? t(heading, { region: regionName(region, locale), period: periodLabel(period) })}
            </h1>
            <Link href={profileHref(region.code, period)} className="text-sm text-sky-800 hover:underline print:hidden">
              {t("profile.openProfileOf", { region: regionName(region, locale) })} →
            </Link>
          </div>
          <PrintButton />
        </div>
        {intro && <p className="text-sm text-muted">{intro}</p>}
      </div>
      {/* On a phone the choices fold behind one line that says what is chosen, so the figures come first. */}
      <button
        type="button"
        className="flex min-h-10 w-full items-center justify-between rounded-lg border border-line bg-surface px-3 py-2 text-left text-sm sm:hidden print:hidden"
        aria-expanded={filtersOpen}
        aria-controls={filtersId}
        onClick={() => setFiltersOpen(!filtersOpen)}
        data-testid="filters-toggle"
      >
        <span>
          <span className="text-muted">{t("dashFilters.choose")}</span>
          {regionName(region, locale)} · {periodLabel(period)}
        </span>
        <span aria-hidden="true">{filtersOpen ? "▴" : "▾"}</span>
      </button>
      <div
        id={filtersId}
        className={`${filtersOpen ? "flex" : "hidden"} flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border border-line bg-surface p-3 sm:flex print:hidden`}
      >
        <RegionCascade region={region} period={period} leagues={leagues} hrefOf={hrefOf} />
        <PeriodPicker
          period={period}
          years={years}
          kinds={kinds}
          allowAll={allowAll}
          hrefOf={(next) => hrefOf({ region: region.code, period: next })}
        />
      </div>
    </div>
  );
}

/** A dashboard's figures failed to load. */
export function DashboardError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("dashCommon");
  return <LoadError message={t("error", { message })} onRetry={onRetry} />;
}

/**
 * Nothing reported for the region and period (the page says so in `children`); clerks and admins
 * get the way to the upload.
 */
export function DashboardEmpty({
  children,
  canUpload,
  testId = "dashboard-empty",
}: {
  children: ReactNode;
  canUpload: boolean;
  testId?: string;
}) {
  const t = useTranslations("dashCommon");
  return (
    <div className="rounded-lg border border-line bg-surface p-8 text-center" data-testid={testId}>
      <p className="text-muted">{children}</p>
      {canUpload && (
        <Link
          href="/upload"
          className="mt-3 inline-block rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:opacity-90"
        >
          {t("emptyUpload")}
        </Link>
      )}
    </div>
  );
}

/** A figure with its label, as the first line of a dashboard. */
export function StatCard({
  label,
  value,
  detail,
  mark,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  /** Beside the label: what qualifies the figure (未报齐 9/12). */
  mark?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
        <h2 className="text-sm font-medium text-muted">{label}</h2>
        {mark}
      </div>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-ink">{value}</p>
      {detail && <div className="mt-1 text-xs text-muted">{detail}</div>}
    </section>
  );
}

/** The page while its figures load: the same blocks, at the size they will have. */
/** The shape of DashboardHeader while a page loads: breadcrumb, heading, the pickers' box. */
export function DashboardHeaderSkeleton() {
  return (
    <div className="space-y-3">
      <div className="h-5 w-48 animate-pulse rounded bg-line/60" />
      <div className="h-8 w-80 max-w-full animate-pulse rounded bg-line/60" />
      <div className="h-[62px] animate-pulse rounded-lg border border-line bg-surface" />
    </div>
  );
}

export function DashboardSkeleton() {
  const block = "animate-pulse rounded-lg border border-line bg-surface";
  return (
    <div className="space-y-6" aria-busy="true">
      <DashboardHeaderSkeleton />
      <div className="space-y-4">
        <div className="grid gap-4 md:grid-cols-3">
          <div className={`${block} h-[116px]`} />
          <div className={`${block} h-[116px]`} />
          <div className={`${block} h-[116px]`} />
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          <div className={`${block} h-[450px] lg:col-span-2`} />
          <div className={`${block} h-[450px]`} />
        </div>
        <div className={`${block} h-[410px]`} />
      </div>
    </div>
  );
}
