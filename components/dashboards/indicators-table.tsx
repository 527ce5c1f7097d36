"use client";

import { useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import { useTerm } from "@/components/layout/use-term";
import type { IndicatorFigure } from "@/lib/api/indicators";
import { ScorecardCells, ScorecardHead } from "./indicators-status";

type Props = {
  caption: string;
  figures: IndicatorFigure[];
  selected: string | null;
  onSelect: (indicator: string) => void;
};

/** What the region itself reported: value, target, rank and status; an indicator's name shows its trend. */
export function IndicatorsTable({ caption, figures, selected, onSelect }: Props) {
  const t = useTranslations("scorecard");
  const term = useTerm();
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface shadow-sm">
      <table className="w-full text-sm" data-testid="scorecard-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-page text-muted">
          <ScorecardHead first={t("indicator")} cell="px-3 py-2" />
        </thead>
        <tbody>
          {figures.map((f) => {
            const current = f.indicator === selected;
            return (
              <tr
                key={f.indicator}
                className={`border-t border-line ${current ? "bg-sky-50/60" : ""}`}
                data-testid="scorecard-row"
                aria-current={current ? "true" : undefined}
              >
                <th scope="row" className="min-w-[10rem] px-3 py-2 text-left font-medium text-ink">
                  <button
                    type="button"
                    onClick={() => onSelect(f.indicator)}
                    aria-pressed={current}
                    title={t("select")}
                    className="text-left text-sky-800 underline decoration-sky-300 underline-offset-4 hover:decoration-sky-800 aria-pressed:text-ink aria-pressed:no-underline"
                  >
                    {term("indicators", f.indicator)}
                  </button>
                </th>
                <ScorecardCells figure={f} cell="px-3 py-2" />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
