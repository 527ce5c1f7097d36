"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useRef } from "react";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { ArenaLeader } from "@/lib/api/arena";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";
import { rowRegionName } from "@/lib/region-name";

type Props = {
  leaderboards: Record<ArenaLevel, ArenaLeader[]>;
  level: ArenaLevel;
  onLevel: (level: ArenaLevel) => void;
  size: number;
  /** A range of years ranks the entries of all its years together: each row says its year. */
  showYear?: boolean;
};

/**
 * The top entries by score, one tab per contest level. Secretaries' names arrive blanked from
 * the API where the user may not see them; this only says so.
 */
export function ArenaLeaderboard({ leaderboards, level, onLevel, size, showYear = false }: Props) {
  const t = useTranslations("arenaBoard");
  const tl = useTranslations("levels");
  const tt = useTranslations("themes");
  const format = useFormatter();
  const locale = useLocale();
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const rows = leaderboards[level];
  const hidden = rows.some((row) => row.namesHidden);

  // Arrow keys move between tabs, as a tab list should.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (arenaLevels.indexOf(level) + step + arenaLevels.length) % arenaLevels.length;
    onLevel(arenaLevels[next]);
    tabs.current[next]?.focus();
  };

  return (
    <section
      className="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm"
      aria-labelledby={`${id}-heading`}
      data-testid="arena-leaderboard"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-ink">
        {t("leaderboard", { size })}
      </h2>
      <div
        role="tablist"
        aria-label={t("levelTabs")}
        className="mt-3 flex gap-1 overflow-x-auto border-b border-line print:hidden"
        onKeyDown={onKeyDown}
      >
        {arenaLevels.map((l, i) => (
          <button
            key={l}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={l === level}
            aria-controls={`${id}-panel`}
            tabIndex={l === level ? 0 : -1}
            onClick={() => onLevel(l)}
            className="-mb-px shrink-0 border-b-2 border-transparent px-3 py-2 text-sm whitespace-nowrap text-muted hover:text-ink aria-selected:border-brand aria-selected:font-medium aria-selected:text-ink"
          >
            {tl(l)}
            <span className="ml-1 text-xs text-muted">{tt(l)}</span>
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${arenaLevels.indexOf(level)}`}
        className="mt-3"
      >
        {rows.length === 0 ? (
          <p className="py-6 text-center text-sm text-muted">{t("noScores")}</p>
        ) : (
          <>
            <ScrollBox>
              <table className="w-full text-sm" data-testid="leaderboard-table">
                <caption className="sr-only">
                  {t("leaderboardCaption", { level: tl(level), theme: tt(level), size })}
                </caption>
                <thead className="bg-page text-muted">
                  <tr>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium whitespace-nowrap">
                      {t("position")}
                    </th>
                    <th scope="col" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                      {t("organisation")}
                    </th>
                    {showYear && (
                      <th scope="col" className="px-2 py-1.5 text-right font-medium whitespace-nowrap">
                        {t("leaderYear")}
                      </th>
                    )}
                    <th scope="col" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                      {t("leaderRegion")}
                    </th>
                    <th scope="col" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                      {t("secretary")}
                    </th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium whitespace-nowrap">
                      {t("score")}
                    </th>
                    <th scope="col" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                      {t("award")}
                    </th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium whitespace-nowrap">
                      {t("reportedRank")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.regionCode}-${row.organisation}-${row.year}`} className="border-t border-line">
                      <td className="px-2 py-1 text-right tabular-nums">{row.position}</td>
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        {row.organisation}
                      </th>
                      {showYear && <td className="px-2 py-1 text-right tabular-nums">{row.year}</td>}
                      <td className="px-2 py-1 whitespace-nowrap">{rowRegionName(row, locale)}</td>
                      <td className="px-2 py-1 whitespace-nowrap" data-testid="leader-secretary">
                        {row.secretary ?? <span className="text-xs text-muted italic">{t("hiddenName")}</span>}
                      </td>
                      <td className="px-2 py-1 text-right tabular-nums">
                        {format.number(row.score, { minimumFractionDigits: 1, maximumFractionDigits: 2 })}
                      </td>
                      <td className="px-2 py-1 whitespace-nowrap">
                        {row.award === null
                          ? t("noAward")
                          : t.has(`awards.${row.award}`)
                            ? t(`awards.${row.award}`)
                            : row.award}
                      </td>
                      <td className="px-2 py-1 text-right tabular-nums">{row.reportedRank ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            {hidden && <p className="mt-2 text-xs text-muted">{t("namesNote")}</p>}
          </>
        )}
      </div>
    </section>
  );
}
