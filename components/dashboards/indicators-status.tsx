"use client";

import { useLocale, useTranslations } from "next-intl";
import type { IndicatorStatus } from "@/app/(dashboard)/indicators/query";
import { formatWithUnit } from "@/lib/format";

/**
 * Status against the target, told by an icon and a word as well as by colour, so colour-blind
 * readers and print lose nothing: ✓ met, ~ close, ✗ missed.
 */
const LOOK: Record<IndicatorStatus, { icon: string; className: string }> = {
  met: { icon: "✓", className: "border-teal-300 bg-teal-50 text-teal-900" },
  close: { icon: "~", className: "border-amber-300 bg-amber-50 text-amber-900" },
  missed: { icon: "✗", className: "border-red-300 bg-red-50 text-red-900" },
  none: { icon: "–", className: "border-line bg-page text-muted" },
};

export function IndicatorStatusChip({ status }: { status: IndicatorStatus }) {
  const t = useTranslations("scorecard.statuses");
  const look = LOOK[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${look.className}`}
      data-status={status}
    >
      <span aria-hidden="true" className="font-bold">
        {look.icon}
      </span>
      {t(status)}
    </span>
  );
}

/** A value with its unit as people write it (12%, 236.5 公里), numbers per locale. */
export function useIndicatorValue() {
  const locale = useLocale();
  return (value: number | null, unit: string) => (value === null ? "—" : formatWithUnit(locale, value, unit));
}
