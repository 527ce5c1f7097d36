"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import { boardDatasets, isQuarterlyDataset } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import type { ReportingRow } from "@/lib/types";

const COLUMNS = boardDatasets.flatMap((group) =>
  isQuarterlyDataset(group)
    ? [1, 2, 3, 4].map((quarter) => ({ key: `${group}:${quarter}`, group, quarter }))
    : [{ key: group as string, group, quarter: null as number | null }],
);
const GROUPS = boardDatasets.map((key) => ({ key, span: isQuarterlyDataset(key) ? 4 : 1 }));

/**
 * Which regions have reported each dataset for the year (and quarter): ✓ when every region in that
 * part of the tree sent figures, a count such as 6/8 when some did, ✗ when none did. Colour is
 * never the only signal. A partial or empty cell opens the named list of the missing reports
 * (`listOf`), where the viewer may see it.
 */
export function ReportingBoard({
  rows,
  year,
  regionName: name,
  listOf,
  allHref,
  overdue = {},
}: {
  rows: ReportingRow[];
  /** Columns past their deadline: a cell still missing reports there says 逾期. */
  overdue?: Record<string, { dueOn: string; days: number }>;
  year: number;
  regionName: string;
  /** The link to the missing reports of a child's cell; null where the viewer may not list them. */
  listOf?: (code: string, dataset: string, quarter: number | null) => string | null;
  /** The link to the whole list of the year, where the viewer may see it. */
  allHref?: string | null;
}) {
  const t = useTranslations("reporting");
  const to = useTranslations("outstanding");
  const locale = useLocale();
  const missing = rows.reduce(
    (sum, row) => sum + COLUMNS.filter((c) => (row.cells[c.key] ?? 0) < row.expected).length,
    0,
  );
  return (
    <section className="space-y-2" aria-labelledby="reporting-heading" data-testid="reporting-board">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="reporting-heading" className="text-lg font-semibold">
          {t("title", { year })}
        </h2>
        <p className="text-xs text-muted">{missing ? t("missing", { count: missing }) : t("complete")}</p>
        {missing > 0 && allHref && (
          <Link href={allHref} className="text-xs text-brand underline" data-testid="outstanding-link">
            {to("open")}
          </Link>
        )}
      </div>
      <ScrollBox className="rounded-lg border border-line bg-surface">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { region: name, year })}</caption>
          <thead className="bg-page text-muted">
            <tr>
              <th scope="col" rowSpan={2} className="px-3 py-2 text-left font-medium">
                {t("region")}
              </th>
              {GROUPS.map((g) => (
                <th
                  key={g.key}
                  scope="colgroup"
                  colSpan={g.span}
                  className="border-l border-line px-2 py-1 font-medium"
                >
                  {t(`datasets.${g.key}`)}
                </th>
              ))}
            </tr>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className="border-l border-line px-2 py-1 text-xs font-normal whitespace-nowrap"
                >
                  {c.quarter ? `Q${c.quarter}` : t("year")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className="border-t border-line">
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                  {row.own ? t("own", { name: regionName(row, locale) }) : regionName(row, locale)}
                </th>
                {COLUMNS.map((c) => {
                  const reported = row.cells[c.key] ?? 0;
                  const state = reported >= row.expected ? "done" : reported === 0 ? "none" : "some";
                  const late = state === "done" ? undefined : overdue[c.key];
                  const style = {
                    done: "text-emerald-700",
                    some: "bg-amber-50 text-amber-900",
                    none: "bg-red-50 text-red-800",
                  }[state];
                  return (
                    <td
                      key={c.key}
                      className={`border-l border-line px-2 py-1 text-center tabular-nums ${style}`}
                      title={late ? `${t(state)} · ${t("overdueTitle", late)}` : t(state)}
                      data-overdue={late ? late.days : undefined}
                    >
                      <Mark
                        text={state === "done" ? "✓" : state === "none" ? "✗" : `${reported}/${row.expected}`}
                        words={t(state)}
                        href={state === "done" ? null : (listOf?.(row.code, c.group, c.quarter) ?? null)}
                        label={to("openCell", {
                          region: row.own ? t("own", { name: regionName(row, locale) }) : regionName(row, locale),
                          dataset: t(`datasets.${c.group}`),
                          quarter: c.quarter ? `Q${c.quarter}` : t("year"),
                        })}
                      />
                      {late && <span className="block text-[10px] leading-tight">{t("overdue")}</span>}
                      {!!row.states[c.key]?.pending && (
                        <span className="block text-[10px] leading-tight text-sky-800" data-pending>
                          {t("pending", { count: row.states[c.key].pending })}
                        </span>
                      )}
                      {!!row.states[c.key]?.returned && (
                        <span className="block text-[10px] leading-tight text-amber-900" data-returned>
                          {t("returned", { count: row.states[c.key].returned })}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

/** A cell's mark; a link to the missing reports where there are some the viewer may list. */
function Mark({ text, words, href, label }: { text: string; words: string; href: string | null; label: string }) {
  if (!href) {
    return (
      <>
        {text}
        <span className="sr-only">{words}</span>
      </>
    );
  }
  return (
    <Link href={href} className="underline decoration-dotted underline-offset-2 hover:decoration-solid" title={label}>
      {text}
      <span className="sr-only">
        {words} · {label}
      </span>
    </Link>
  );
}
