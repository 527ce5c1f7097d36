"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { RegionPicker } from "@/components/forms/region-picker";
import type { LeagueOption } from "@/lib/api/regions";
import { ROOT_REGION } from "@/lib/auth/permissions";
import { regionName } from "@/lib/region-name";
import type { RegionRef } from "@/lib/types";
import type { DashboardFilters } from "@/lib/view";

type Props = {
  /** The region shown, with its path from the root. */
  region: RegionRef & { path: RegionRef[] };
  /** The period shown: kept when the region changes. */
  period: DashboardFilters["period"];
  leagues: LeagueOption[];
  /** The URL of the view of another region (the page's search-params.ts). */
  hrefOf: (filters: DashboardFilters) => string;
  idPrefix?: string;
};

const selectClass =
  "min-w-0 max-w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink disabled:bg-page disabled:text-muted";

/**
 * League → banner, with a search by name or abbreviation (察右前旗) beside it. Choosing a league
 * resets the banner to "all of the league"; every choice is written to the URL, so the view can
 * be shared and reloaded.
 */
export function RegionCascade({ region, period, leagues, hrefOf, idPrefix = "region" }: Props) {
  const t = useTranslations("dashFilters");
  const locale = useLocale();
  const router = useRouter();
  const go = (code: string) => router.push(hrefOf({ region: code, period }));
  // path[0] is the autonomous region, path[1] a league, path[2] a banner (deeper levels are not offered).
  const leagueCode = region.path[1]?.code ?? ROOT_REGION;
  const bannerCode = region.path[2]?.code ?? "";
  const league = leagues.find((l) => l.code === leagueCode);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-col gap-0.5 text-xs text-muted">
        {t("league")}
        <select
          id={`${idPrefix}-league`}
          className={selectClass}
          value={leagueCode}
          onChange={(e) => go(e.target.value)}
        >
          <option value={ROOT_REGION}>{t("wholeRegion")}</option>
          {leagues.map((l) => (
            <option key={l.code} value={l.code}>
              {regionName(l, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-0.5 text-xs text-muted">
        {t("banner")}
        <select
          id={`${idPrefix}-banner`}
          className={selectClass}
          value={bannerCode}
          disabled={!league}
          onChange={(e) => go(e.target.value || leagueCode)}
        >
          <option value="">{league ? t("wholeLeague", { league: regionName(league, locale) }) : "—"}</option>
          {league?.banners.map((b) => (
            <option key={b.code} value={b.code}>
              {regionName(b, locale)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex min-w-0 flex-col gap-0.5 text-xs text-muted">
        <label htmlFor={`${idPrefix}-search`}>{t("search")}</label>
        <div className="w-48 max-w-full">
          <RegionPicker id={`${idPrefix}-search`} value={null} onChange={(code) => go(code)} />
        </div>
      </div>
    </div>
  );
}
