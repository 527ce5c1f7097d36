"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { indicatorSearch, scorecardPeriod } from "@/app/(dashboard)/indicators/search-params";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { IndicatorAcross } from "@/lib/api/indicators";
import { regionName } from "@/lib/region-name";
import { ScorecardCells, ScorecardHead } from "./indicators-status";

type Child = { code: string; nameZh: string; nameEn: string | null; drillable: boolean };

type Props = {
  title: string;
  caption: string;
  /** The viewed region itself and its children, each with what it reported (or nothing). */
  region: { code: string; nameZh: string; nameEn: string | null };
  regions: Child[];
  rows: IndicatorAcross[];
  year: number;
  quarter: number | null;
  indicator: string;
};

/**
 * One indicator side by side across the region itself and its child regions. Never a sum: each
 * row is what that region reported; regions that reported nothing say so.
 */
export function IndicatorsAcross({ title, caption, region, regions, rows, year, quarter, indicator }: Props) {
  const t = useTranslations("scorecard");
  const locale = useLocale();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const own = byCode.get(region.code);
  const lines = [
    ...(own ? [{ ...region, own: true, drillable: false, figure: own }] : []),
    ...regions.map((c) => ({ ...c, own: false, figure: byCode.get(c.code) })),
  ];
  return (
    <section className="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid="indicator-across">
      <h3 className="text-sm font-medium text-ink">{title}</h3>
      <ScrollBox label={caption} className="mt-2">
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-page text-muted">
            <ScorecardHead first={t("region")} cell="px-3 py-2" />
          </thead>
          <tbody>
            {lines.map((line) => {
              const name = line.own ? t("own", { name: regionName(line, locale) }) : regionName(line, locale);
              const f = line.figure;
              return (
                <tr key={line.code} className="border-t border-line">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                    {line.own ? (
                      name
                    ) : (
                      <Link
                        href={`/indicators${indicatorSearch({ region: line.code, period: scorecardPeriod(year, quarter), indicator })}`}
                        className="text-sky-800 hover:underline"
                      >
                        {name}
                      </Link>
                    )}
                  </th>
                  {f ? (
                    <ScorecardCells figure={f} cell="px-3 py-1.5" />
                  ) : (
                    <td colSpan={4} className="px-3 py-1.5 text-xs text-muted">
                      {t("notReported")}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
