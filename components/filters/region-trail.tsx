"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";

/** The breadcrumb of a region: each level above it links to the same view of that region. */
export function RegionTrail({ path, hrefOf }: { path: RegionPath["path"]; hrefOf: (code: string) => string }) {
  const t = useTranslations("dashFilters");
  const locale = useLocale();
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {path.map((r, i) => (
          <li key={r.code} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">/</span>}
            {i === path.length - 1 ? (
              <span aria-current="page" className="font-medium text-ink">
                {regionName(r, locale)}
              </span>
            ) : (
              <Link href={hrefOf(r.code)} className="text-sky-800 hover:underline">
                {regionName(r, locale)}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
