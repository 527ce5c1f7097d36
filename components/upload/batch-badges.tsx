"use client";

import { useTranslations } from "next-intl";
import type { BatchSummary } from "@/lib/api/uploads";

export function StatusBadge({ status }: { status: BatchSummary["status"] }) {
  const t = useTranslations("upload.statuses");
  return (
    <span
      data-testid="batch-status"
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${
        status === "committed" ? "bg-emerald-50 text-emerald-800" : "bg-page text-muted ring-1 ring-line"
      }`}
    >
      {t(status)}
    </span>
  );
}

/** The first 12 hex digits are enough to tell files apart at a glance; the tooltip holds all. */
export function FileHash({ hash }: { hash: string }) {
  const t = useTranslations("upload.history");
  return (
    <abbr title={t("hashTitle", { hash })} className="font-mono text-xs no-underline" data-testid="file-hash">
      {hash.slice(0, 12)}
    </abbr>
  );
}
