"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { indicatorSearch } from "@/app/(dashboard)/indicators/search-params";

type Props = { region: string; year: number; years: number[]; quarter: number | null; indicator?: string };

/** Year and period (whole year or a quarter) of the scorecard; each choice opens its own URL. */
export function IndicatorsPeriod({ region, year, years, quarter, indicator }: Props) {
  const t = useTranslations("scorecard");
  const tf = useTranslations("filters");
  const router = useRouter();
  const go = (next: { year: number; quarter: number | null }) =>
    router.push(
      `/indicators${indicatorSearch({ region, year: next.year, quarter: next.quarter ?? undefined, indicator })}`,
    );
  const shown = years.includes(year) ? years : [year, ...years];
  const select = "rounded-md border border-line bg-surface px-2 py-1";
  return (
    <div className="flex flex-wrap items-center gap-4 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-muted">{t("year")}</span>
        <select value={year} onChange={(e) => go({ year: Number(e.target.value), quarter })} className={select}>
          {shown.map((y) => (
            <option key={y} value={y}>
              {tf("yearOption", { year: y })}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <span className="text-muted">{t("quarter")}</span>
        <select
          value={quarter ?? ""}
          onChange={(e) => go({ year, quarter: Number(e.target.value) || null })}
          className={select}
        >
          <option value="">{t("wholeYear")}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("quarterOption", { quarter: q })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
