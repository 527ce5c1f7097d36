"use client";

import { useFormatter, useTranslations } from "next-intl";
import { LEVEL_COLOURS } from "@/components/charts/palette";
import { type ArenaLevel, arenaLevels } from "@/lib/contract";

/** The six contest levels with their themes and entries, and the total. Colours as in the charts. */
export function ArenaLevelCards({ byLevel, entries }: { byLevel: Record<ArenaLevel, number>; entries: number }) {
  const t = useTranslations("arenaBoard");
  const tl = useTranslations("levels");
  const tt = useTranslations("themes");
  const format = useFormatter();
  return (
    <section aria-label={t("levelsLabel")} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
      <div
        className="col-span-2 rounded-lg border border-line bg-surface p-3 shadow-sm sm:col-span-3 lg:col-span-1"
        data-testid="arena-total"
      >
        <p className="text-sm text-muted">{t("total")}</p>
        <p className="mt-1 text-2xl font-semibold tabular-nums text-ink">{format.number(entries)}</p>
      </div>
      {arenaLevels.map((level) => (
        <div
          key={level}
          className="min-w-0 rounded-lg border border-line border-l-4 bg-surface p-3 shadow-sm"
          style={{ borderLeftColor: LEVEL_COLOURS[level] }}
          data-testid={`arena-card-${level}`}
        >
          <p className="truncate text-sm font-medium text-ink">{tl(level)}</p>
          <p className="truncate text-xs text-muted" data-testid="arena-theme">
            {tt(level)}
          </p>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-ink" data-testid={`arena-level-${level}`}>
            {format.number(byLevel[level])}
          </p>
        </div>
      ))}
    </section>
  );
}
