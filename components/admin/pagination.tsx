"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

/** 共 N 条 and previous/next; the page number lives in the URL like the filters. */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("admin.pagination");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const step = "rounded-md border border-line bg-surface px-3 py-1 text-sm";
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid="audit-total">
        {t("summary", { total: format.number(total), first: format.number(first), last: format.number(last) })}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={`${step} text-sky-800 hover:bg-page`} rel="prev">
            {t("previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={`${step} text-muted/60`}>
            {t("previous")}
          </span>
        )}
        <span className="tabular-nums text-muted">{t("page", { page, pages })}</span>
        {page < pages ? (
          <Link href={hrefFor(page + 1)} className={`${step} text-sky-800 hover:bg-page`} rel="next">
            {t("next")}
          </Link>
        ) : (
          <span aria-disabled="true" className={`${step} text-muted/60`}>
            {t("next")}
          </span>
        )}
      </div>
    </nav>
  );
}
