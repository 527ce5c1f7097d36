"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { inputClass, Notice } from "@/components/forms/fields";
import { LoadError } from "@/components/layout/load-error";
import { ScrollBox } from "@/components/layout/scroll-box";
import { CompletenessMark } from "@/components/rankings/completeness-mark";
import {
  lockPeriod,
  openPeriod,
  openYear,
  periodsQuery,
  type ReportingPeriodRow,
  reopenPeriod,
  setDeadline,
} from "@/lib/api/periods";
import { defaultDueOn } from "@/lib/calendar";
import { type Dataset, datasets } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";

type Props = { year: number; years: number[]; home: RegionPath; canManage: boolean };

const button =
  "min-h-8 rounded-md border border-line bg-surface px-2.5 py-1 text-sm text-ink hover:bg-page disabled:opacity-50";

export function PeriodsClient({ year, years, home, canManage }: Props) {
  const t = useTranslations("periods");
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery(periodsQuery(year));
  const open = useMutation({
    mutationFn: () => openYear(year),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["periods"] }),
  });
  const name = regionName(home, locale);

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-ink">{t("heading", { year })}</h1>
        <p className="max-w-4xl text-sm text-muted">{t("intro")}</p>
      </header>

      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-0.5 text-xs text-muted">
          {t("year")}
          <select
            className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink"
            value={year}
            onChange={(e) => router.push(`/periods?year=${e.target.value}`)}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {t("yearOption", { year: y })}
              </option>
            ))}
          </select>
        </label>
        {canManage && (
          <div className="flex flex-col gap-0.5">
            <button
              type="button"
              className={`${button} self-start`}
              disabled={open.isPending}
              onClick={() => open.mutate()}
            >
              {t("openYear", { year })}
            </button>
            <span className="text-xs text-muted">{t("openYearHint")}</span>
          </div>
        )}
      </div>
      {open.error && <Notice tone="error">{open.error.message}</Notice>}
      {open.data && (
        <Notice tone="success">
          {open.data.created ? t("opened", { count: open.data.created }) : t("nothingOpened", { year })}
        </Notice>
      )}

      {canManage && <OpenOne year={year} />}

      {error ? (
        <LoadError message={t("loadError", { message: error.message })} onRetry={() => refetch()} />
      ) : !data ? null : data.periods.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">{t("empty", { year })}</p>
      ) : (
        <ScrollBox label={t("caption", { year, region: name })} className="rounded-lg border border-line bg-surface">
          <table className="w-full text-sm" data-testid="periods-table">
            <caption className="sr-only">{t("caption", { year, region: name })}</caption>
            <thead className="bg-page text-muted">
              <tr>
                {(["dataset", "period", "dueOn", "reports", "status", "actions"] as const).map((c) => (
                  <th key={c} scope="col" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    {t(`columns.${c}`, { region: name })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.periods.map((p) => (
                <PeriodRow key={p.id} period={p} home={home} />
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}

function PeriodRow({ period: p, home }: { period: ReportingPeriodRow; home: RegionPath }) {
  const t = useTranslations("periods");
  const tOut = useTranslations("outstanding");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [dueOn, setDueOn] = useState(p.dueOn);
  const [reopening, setReopening] = useState(false);
  const done = () => queryClient.invalidateQueries({ queryKey: ["periods"] });
  const deadline = useMutation({ mutationFn: () => setDeadline(p.id, dueOn), onSuccess: done });
  const lock = useMutation({ mutationFn: () => lockPeriod(p.id, home.code), onSuccess: done });
  const reopen = useMutation({
    mutationFn: (reason: string) => reopenPeriod(p.id, home.code, reason),
    onSuccess: async () => {
      setReopening(false);
      await done();
    },
  });
  const periodLabel = p.quarter ? t("quarter", { quarter: p.quarter }) : t("wholeYear");
  // A region that reports through its league (a functional zone) expects nothing of its own.
  const expects = p.completeness.expected > 0;
  const complete = expects && p.completeness.reported >= p.completeness.expected;
  const status = p.lock
    ? t("status.locked", { region: regionName({ nameZh: p.lock.regionName, nameEn: null }, locale) })
    : !expects
      ? null
      : complete
        ? t("status.complete")
        : p.daysOverdue > 0
          ? t("status.overdue", { days: p.daysOverdue })
          : p.daysLeft > 0
            ? t("status.due", { days: p.daysLeft })
            : t("status.dueToday");
  const failure = deadline.error ?? lock.error ?? reopen.error;

  const submitReopen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reopen.mutate(String(new FormData(event.currentTarget).get("reason") ?? ""));
  };

  return (
    <tr className="border-t border-line align-top" data-period={`${p.dataset}-${p.quarter ?? "year"}`}>
      <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
        {tOut(`datasets.${p.dataset}`)}
      </th>
      <td className="px-3 py-2 whitespace-nowrap">{periodLabel}</td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        {p.canEdit ? (
          <form
            className="flex items-center gap-1.5"
            onSubmit={(e) => {
              e.preventDefault();
              deadline.mutate();
            }}
          >
            <input
              type="date"
              className={`${inputClass} w-40 py-1`}
              value={dueOn}
              aria-label={t("dueOnLabel", { period: periodLabel })}
              onChange={(e) => setDueOn(e.target.value)}
            />
            <button type="submit" className={button} disabled={deadline.isPending || dueOn === p.dueOn}>
              {t("save")}
            </button>
          </form>
        ) : (
          p.dueOn
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        {!expects ? (
          "—"
        ) : complete ? (
          `${p.completeness.reported}/${p.completeness.expected}`
        ) : (
          <CompletenessMark value={p.completeness} />
        )}
      </td>
      <td
        className="px-3 py-2 whitespace-nowrap data-[state=locked]:text-sky-900 data-[state=overdue]:text-red-700"
        data-state={p.lock ? "locked" : expects && !complete && p.daysOverdue > 0 ? "overdue" : undefined}
        data-testid="period-status"
      >
        {status ?? "—"}
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1.5">
          {p.canLock && (
            <button
              type="button"
              className={button}
              disabled={lock.isPending}
              aria-label={t("lockLabel", { region: regionName(home, locale), period: periodLabel })}
              onClick={() => lock.mutate()}
            >
              {t("lock")}
            </button>
          )}
          {p.canReopen && !reopening && (
            <button type="button" className={button} onClick={() => setReopening(true)}>
              {t("reopen")}
            </button>
          )}
        </div>
        {reopening && (
          <form className="mt-1.5 flex flex-wrap items-center gap-1.5" onSubmit={submitReopen}>
            <input
              name="reason"
              required
              minLength={2}
              maxLength={200}
              className={`${inputClass} w-64 py-1`}
              aria-label={t("reason")}
              placeholder={t("reasonPlaceholder")}
            />
            <button type="submit" className={button} disabled={reopen.isPending}>
              {t("confirmReopen")}
            </button>
            <button type="button" className={button} onClick={() => setReopening(false)}>
              {t("cancel")}
            </button>
          </form>
        )}
        {failure && (
          <div className="mt-1.5">
            <Notice tone="error">{failure.message}</Notice>
          </div>
        )}
      </td>
    </tr>
  );
}

const QUARTERLY: readonly Dataset[] = ["promotions", "adjustments"];
const selectClass = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

/** 单独生成一个报送周期: one dataset's quarter or year, with a deadline of its own. */
function OpenOne({ year }: { year: number }) {
  const t = useTranslations("periods");
  const tOut = useTranslations("outstanding");
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset>("promotions");
  const [quarter, setQuarter] = useState(1);
  const quarterly = QUARTERLY.includes(dataset);
  const [dueOn, setDueOn] = useState(defaultDueOn(year, 1));
  const open = useMutation({
    mutationFn: () => openPeriod({ dataset, year, quarter: quarterly ? quarter : undefined, dueOn }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["periods"] }),
  });
  const choose = (next: Dataset, q: number) => {
    setDataset(next);
    setQuarter(q);
    setDueOn(defaultDueOn(year, QUARTERLY.includes(next) ? q : null));
  };
  return (
    <details className="rounded-lg border border-line bg-surface px-4 py-2">
      <summary className="cursor-pointer text-sm text-ink">{t("openOne")}</summary>
      <form
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate();
        }}
      >
        <label className="flex flex-col gap-0.5 text-xs text-muted">
          {t("dataset")}
          <select
            className={selectClass}
            aria-label={t("dataset")}
            value={dataset}
            onChange={(e) => choose(e.target.value as Dataset, quarter)}
          >
            {datasets.map((d) => (
              <option key={d} value={d}>
                {tOut(`datasets.${d}`)}
              </option>
            ))}
          </select>
        </label>
        {quarterly && (
          <label className="flex flex-col gap-0.5 text-xs text-muted">
            {t("quarterLabel")}
            <select
              className={selectClass}
              aria-label={t("quarterLabel")}
              value={quarter}
              onChange={(e) => choose(dataset, Number(e.target.value))}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t("quarter", { quarter: q })}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-0.5 text-xs text-muted">
          {t("dueOn")}
          <input
            type="date"
            required
            className={`${inputClass} w-40 py-1`}
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
          />
        </label>
        <button type="submit" className={button} disabled={open.isPending}>
          {t("openOneButton")}
        </button>
      </form>
      <div className="mt-2 empty:hidden">
        {open.error && <Notice tone="error">{open.error.message}</Notice>}
        {open.isSuccess && <Notice tone="success">{t("openedOne")}</Notice>}
      </div>
    </details>
  );
}
