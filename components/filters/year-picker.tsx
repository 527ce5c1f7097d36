"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { overviewSearch } from "@/lib/filters";

export function YearPicker({ region, year, years }: { region: string; year: number; years: number[] }) {
  const t = useTranslations("filters");
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted">{t("year")}</span>
      <select
        value={year}
        onChange={(e) => router.push(`/${overviewSearch({ region, year: Number(e.target.value) })}`)}
        className="rounded-md border border-line bg-surface px-2 py-1"
      >
        {(years.includes(year) ? years : [year, ...years]).map((y) => (
          <option key={y} value={y}>
            {t("yearOption", { year: y })}
          </option>
        ))}
      </select>
    </label>
  );
}
