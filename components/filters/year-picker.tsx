"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { overviewSearch } from "@/lib/filters";

type Props = {
  region: string;
  /** Undefined: all years (only offered when `allLabel` is given). */
  year?: number;
  years: number[];
  /** The page the choice opens (the overview by default); its other filters start afresh. */
  basePath?: string;
  /** Offers "all years" first, under this label. */
  allLabel?: string;
};

export function YearPicker({ region, year, years, basePath = "/", allLabel }: Props) {
  const t = useTranslations("filters");
  const router = useRouter();
  const id = useId();
  const shown = year === undefined || years.includes(year) ? years : [year, ...years];
  return (
    <div className="flex items-center gap-2 text-sm print:hidden">
      <label htmlFor={id} className="text-muted">
        {t("year")}
      </label>
      <select
        id={id}
        value={year ?? ""}
        onChange={(e) =>
          router.push(`${basePath}${overviewSearch({ region, year: Number(e.target.value) || undefined })}`)
        }
        className="rounded-md border border-line bg-surface px-2 py-1"
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {shown.map((y) => (
          <option key={y} value={y}>
            {t("yearOption", { year: y })}
          </option>
        ))}
      </select>
    </div>
  );
}
