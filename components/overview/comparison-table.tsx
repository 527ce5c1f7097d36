"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import { profileHref } from "@/lib/api/profile";
import { formatAmountNumber } from "@/lib/format";
import type { ChildFigures } from "@/lib/types";
import { dashboardSearch, type Period } from "@/lib/view";

/** The charts' figures as a table: the accessible alternative, and a link to each child region. */
export function ComparisonTable({
  caption,
  rows,
  labelOf,
  period,
}: {
  caption: string;
  rows: ChildFigures[];
  labelOf: (row: ChildFigures) => string;
  /** The period shown, kept by the links. */
  period?: Period;
}) {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations();
  const n = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  const th = "px-3 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 text-right tabular-nums";
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="comparison-table">
        <caption className="px-3 py-2 text-left text-sm font-medium text-ink">{caption}</caption>
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("overview.region")}
            </th>
            <th scope="col" className={th}>
              {t("promotions.frontline")}
            </th>
            <th scope="col" className={th}>
              {t("promotions.total")}
            </th>
            <th scope="col" className={th}>
              {t("promotions.shareColumn")}
            </th>
            <th scope="col" className={th}>
              {t("arena.entries")}
            </th>
            <th scope="col" className={th}>
              {t("projects.projects")}
            </th>
            <th scope="col" className={th}>
              {t("projects.cadresColumn")}
            </th>
            <th scope="col" className={th}>
              {t("projects.fundsColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.code}-${row.own}`} className="border-t border-line">
              <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                {row.drillable ? (
                  <Link
                    href={`/${dashboardSearch({ region: row.code, period })}`}
                    className="text-sky-800 hover:underline"
                  >
                    {labelOf(row)}
                  </Link>
                ) : row.own ? (
                  labelOf(row)
                ) : (
                  <Link href={profileHref(row.code, period)} className="text-sky-800 hover:underline">
                    {labelOf(row)}
                  </Link>
                )}
              </th>
              <td className={td}>{n(row.promotions.frontline)}</td>
              <td className={td}>{n(row.promotions.total)}</td>
              <td className={td}>
                {row.promotions.share === null
                  ? "—"
                  : format.number(row.promotions.share, {
                      style: "percent",
                      maximumFractionDigits: 1,
                      minimumFractionDigits: 1,
                    })}
              </td>
              <td className={td}>{n(row.arena.entries)}</td>
              <td className={td}>{n(row.projects.projects)}</td>
              <td className={td}>{n(row.projects.cadres)}</td>
              <td className={td}>{formatAmountNumber(locale, row.projects.fundsInPlace)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
