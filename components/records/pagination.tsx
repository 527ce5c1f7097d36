"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links that keep the other filters; nothing when everything fits on one page. */
export function Pagination({ page, pages, hrefOf }: { page: number; pages: number; hrefOf: (page: number) => string }) {
  const t = useTranslations("pagination");
  if (pages <= 1) return null;
  const link = "rounded-md border border-line bg-surface px-3 py-1 hover:bg-page";
  const off = "rounded-md border border-line px-3 py-1 text-muted/60";
  return (
    <nav aria-label={t("label")} className="flex items-center justify-end gap-3 text-sm print:hidden">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} rel="prev" className={link}>
          {t("previous")}
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          {t("previous")}
        </span>
      )}
      <span className="tabular-nums text-muted">{t("status", { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefOf(page + 1)} rel="next" className={link}>
          {t("next")}
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          {t("next")}
        </span>
      )}
    </nav>
  );
}
