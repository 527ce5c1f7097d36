"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { overviewSearch } from "@/lib/filters";
import { regionName } from "@/lib/region-name";

type Ref = { code: string; nameZh: string; nameEn: string | null };

/** The path from the root down; each ancestor links to the same page (the overview by default) for that region. */
export function RegionBreadcrumb({ path, year, basePath = "/" }: { path: Ref[]; year?: number; basePath?: string }) {
  const t = useTranslations("filters");
  const locale = useLocale();
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {path.map((region, i) => {
          const last = i === path.length - 1;
          return (
            <li key={region.code} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden="true">/</span>}
              {last ? (
                <span aria-current="page" className="font-medium text-ink">
                  {regionName(region, locale)}
                </span>
              ) : (
                <Link
                  href={`${basePath}${overviewSearch({ region: region.code, year })}`}
                  className="text-sky-800 hover:underline"
                >
                  {regionName(region, locale)}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
