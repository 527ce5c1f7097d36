"use client";

import { useTranslations } from "next-intl";
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
