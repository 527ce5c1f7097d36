"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Completeness } from "@/lib/types";

/** 未报齐 9/12 on a period whose reports are not all in; nothing when complete (unless `showComplete`). */
export function CompletenessMark({ value, showComplete = false }: { value: Completeness; showComplete?: boolean }) {
  const t = useTranslations("rankings");
  if (value.reported >= value.expected) {
    return showComplete ? (
      <span className="text-xs text-emerald-700" data-complete>
        ✓<span className="sr-only">{t("complete")}</span>
      </span>
    ) : null;
  }
  return (
    <span
      className="inline-block rounded bg-amber-50 px-1.5 py-0.5 text-xs whitespace-nowrap text-amber-900 ring-1 ring-amber-200"
      data-incomplete={`${value.reported}/${value.expected}`}
    >
      {t("incomplete", value)}
    </span>
  );
}

/** A region's completeness when its reports are not all in, else null. */
export function incompleteOf(completeness: Record<string, Completeness> | undefined, code: string | undefined) {
  const c = code ? completeness?.[code] : undefined;
  return c && c.reported < c.expected ? c : null;
}

/** "* 乌拉特后旗 未报齐 3/4；…" under a chart whose starred categories are not all reported. */
export function IncompleteNote({ items }: { items: { label: string; completeness: Completeness }[] }) {
  const t = useTranslations("rankings");
  const locale = useLocale();
  if (!items.length) return null;
  return (
    <p className="mt-1 text-[11px] leading-snug text-muted" data-testid="bars-incomplete">
      *{" "}
      {items
        .map(({ label, completeness }) => `${label} ${t("incomplete", completeness)}`)
        .join(locale.startsWith("en") ? "; " : "；")}
    </p>
  );
}
