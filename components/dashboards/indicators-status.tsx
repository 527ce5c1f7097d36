"use client";

import { useLocale, useTranslations } from "next-intl";
import type { IndicatorFigure, IndicatorStatus } from "@/lib/api/indicators";
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

/** The header of a scorecard table: what the rows are (indicator or region), then value, target, rank and status. */
export function ScorecardHead({ first, cell }: { first: string; cell: string }) {
  const t = useTranslations("scorecard");
  return (
    <tr>
      <th scope="col" className={`${cell} text-left font-medium`}>
        {first}
      </th>
      {(["value", "target", "rank"] as const).map((key) => (
        <th key={key} scope="col" className={`${cell} text-right font-medium whitespace-nowrap`}>
          {t(key)}
        </th>
      ))}
      <th scope="col" className={`${cell} text-left font-medium whitespace-nowrap`}>
        {t("status")}
      </th>
    </tr>
  );
}

/** A figure's value, target, rank and status, as the cells of a scorecard row. */
export function ScorecardCells({ figure, cell }: { figure: Omit<IndicatorFigure, "indicator">; cell: string }) {
  const t = useTranslations("scorecard");
  const show = useIndicatorValue();
  return (
    <>
      <td className={`${cell} text-right tabular-nums whitespace-nowrap`} data-testid="scorecard-value">
        {show(figure.value, figure.unit)}
      </td>
      <td className={`${cell} text-right tabular-nums whitespace-nowrap text-muted`}>
        {show(figure.target, figure.unit)}
      </td>
      <td className={`${cell} text-right whitespace-nowrap`} data-testid="scorecard-rank">
        {figure.rank === null ? "—" : t("rankValue", { rank: figure.rank })}
      </td>
      <td className={cell}>
        <IndicatorStatusChip status={figure.status} />
      </td>
    </>
  );
}
