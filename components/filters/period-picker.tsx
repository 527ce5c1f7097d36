"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { PERIOD_KINDS, type Period, type PeriodKind } from "@/lib/view";

type Props = {
  /** The period shown; undefined only where all years are offered (`allowAll`). */
  period: Period | undefined;
  /** Years with figures, newest first. */
  years: number[];
  /** The kinds of period the dataset can answer (lib/filters.ts DATASET_PERIODS). */
  kinds?: readonly PeriodKind[];
  /** Offers "all years" first (a list with no period in its URL). */
  allowAll?: boolean;
  /** The URL of the view with another period (the page's search-params.ts). */
  hrefOf: (period: Period | undefined) => string;
  idPrefix?: string;
};

const selectClass = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

/**
 * 年度 / 季度 / 区间: a year, a quarter of a year, or a range of whole years. Each choice is
 * written to the URL. Switching the kind keeps the year in view (a range ends at it).
 */
export function PeriodPicker({
  period,
  years,
  kinds = PERIOD_KINDS,
  allowAll = false,
  hrefOf,
  idPrefix = "period",
}: Props) {
  const t = useTranslations("dashFilters");
  const router = useRouter();
  const go = (next: Period | undefined) => router.push(hrefOf(next));
  const current = !period ? (years[0] ?? new Date().getFullYear()) : period.kind === "range" ? period.to : period.year;
  const oldest = years.length ? Math.min(...years) : current;
  // A year from the URL without figures stays selectable, so the select shows what the page shows.
  const offered = [
    ...new Set([...years, ...(!period ? [] : period.kind === "range" ? [period.from, period.to] : [period.year])]),
  ].sort((a, b) => b - a);
  const modes: (PeriodKind | "all")[] = [...(allowAll ? (["all"] as const) : []), ...kinds];

  const switchKind = (kind: PeriodKind | "all") => {
    if (kind === "all") go(undefined);
    else if (kind === "year") go({ kind, year: current });
    else if (kind === "quarter") go({ kind, year: current, quarter: period?.kind === "quarter" ? period.quarter : 4 });
    else go({ kind, from: Math.min(oldest, current), to: current });
  };

  const yearSelect = (id: string, label: string, value: number, onChange: (year: number) => void) => (
    <label className="flex flex-col gap-0.5 text-xs text-muted">
      {label}
      <select id={id} className={selectClass} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {offered.map((y) => (
          <option key={y} value={y}>
            {t("yearOption", { year: y })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">{`${t("period")} · ${t("mode")}`}</legend>
      {/* A dataset with one kind of period (the overview's years) needs no choice of kind. */}
      {modes.length > 1 && (
        <div className="flex flex-col gap-0.5 text-xs text-muted">
          <span aria-hidden="true">{t("mode")}</span>
          <div className="inline-flex overflow-hidden rounded-md border border-line bg-surface text-sm">
            {modes.map((kind) => (
              <label
                key={kind}
                className="cursor-pointer border-line px-2.5 py-1.5 text-ink not-first:border-l has-checked:bg-sky-800 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-sky-700"
              >
                <input
                  type="radio"
                  name={`${idPrefix}-mode`}
                  value={kind}
                  checked={(period?.kind ?? "all") === kind}
                  onChange={() => switchKind(kind)}
                  className="sr-only"
                />
                {t(`modes.${kind}`)}
              </label>
            ))}
          </div>
        </div>
      )}
      {!period ? null : period.kind === "range" ? (
        <>
          {yearSelect(`${idPrefix}-from`, t("from"), period.from, (from) =>
            go({ kind: "range", from: Math.min(from, period.to), to: Math.max(from, period.to) }),
          )}
          {yearSelect(`${idPrefix}-to`, t("to"), period.to, (to) =>
            go({ kind: "range", from: Math.min(period.from, to), to: Math.max(period.from, to) }),
          )}
        </>
      ) : (
        yearSelect(`${idPrefix}-year`, t("year"), period.year, (year) =>
          go(period.kind === "quarter" ? { ...period, year } : { kind: "year", year }),
        )
      )}
      {period?.kind === "quarter" && (
        <label className="flex flex-col gap-0.5 text-xs text-muted">
          {t("quarter")}
          <select
            id={`${idPrefix}-quarter`}
            className={selectClass}
            value={period.quarter}
            onChange={(e) => go({ ...period, quarter: Number(e.target.value) })}
          >
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t("quarterOption", { quarter: q })}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}

/** The period in words ("2023年", "2023年第3季度", "2021–2023年"; none: "全部年度"). */
export function usePeriodLabel() {
  const t = useTranslations("dashFilters");
  return (period: Period | undefined) =>
    !period
      ? t("periodAll")
      : period.kind === "range"
        ? t("periodRange", { from: period.from, to: period.to })
        : period.kind === "quarter"
          ? t("periodQuarter", { year: period.year, quarter: period.quarter })
          : t("periodYear", { year: period.year });
}
