"use client";

import { useLocale, useTranslations } from "next-intl";
import { regionName } from "@/lib/region-name";
import type { ChildRegion } from "@/lib/types";

/** The regions whose figures are a count only (fewer than three people), named under a chart. */
export function SuppressedNote({ regions }: { regions: (ChildRegion & { suppressed: boolean })[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const small = regions.filter((c) => c.suppressed);
  if (small.length === 0) return null;
  const names = small.map((c) =>
    c.own ? t("dashCommon.own", { name: regionName(c, locale) }) : regionName(c, locale),
  );
  return (
    <p className="mt-2 text-xs text-muted" data-testid="suppressed-note">
      {t("personnel.suppressedRegions", { regions: names.join(locale === "en" ? ", " : "、") })}
    </p>
  );
}
