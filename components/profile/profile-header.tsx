"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { PeriodPicker, usePeriodLabel } from "@/components/filters/period-picker";
import { RegionCascade } from "@/components/filters/region-cascade";
import { RegionTrail } from "@/components/filters/region-trail";
import { PrintButton } from "@/components/layout/print-button";
import { profileHref } from "@/lib/api/profile";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";
import { overviewSearch, type Period } from "@/lib/view";

type Props = { region: RegionPath; period: Period; years: number[]; leagues: LeagueOption[] };

/**
 * Where the region sits (each level above it links to that region's profile, keeping the period),
 * what it is, and the period picker. The reporting board lives on the overview: a region with
 * children has its own board there, a banner is a row of its league's.
 */
export function ProfileHeader({ region, period, years, leagues }: Props) {
  const t = useTranslations("profile");
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const name = regionName(region, locale);
  const year = period.kind === "range" ? period.to : period.year;
  const parent = region.path.at(-2);
  const board = region.hasChildren || !parent ? region.code : parent.code;
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <RegionTrail path={region.path} hrefOf={(code) => profileHref(code, period)} />
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold text-ink">{t("heading", { region: name })}</h1>
          <PrintButton />
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span
            className="rounded-full border border-line bg-page px-2 py-0.5 text-xs font-medium text-ink"
            data-testid="profile-level"
          >
            {t(`levels.${region.level}`)}
          </span>
          <span>{t("periodLine", { period: periodLabel(period) })}</span>
          <span className="font-mono text-xs">{region.code}</span>
        </p>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3 rounded-lg border border-line bg-surface p-3 print:hidden">
        <RegionCascade
          region={region}
          period={period}
          leagues={leagues}
          hrefOf={(next) => profileHref(next.region ?? region.code, next.period)}
        />
        {/* The region is the path, not a query parameter: the picker writes only the period. */}
        <PeriodPicker period={period} years={years} hrefOf={(next) => profileHref(region.code, next)} />
        <Link
          href={`/${overviewSearch({ region: board, year })}#reporting-heading`}
          className="text-sm text-sky-800 hover:underline"
          data-testid="profile-reporting"
        >
          {t("reportingOf", { region: name, year })} →
        </Link>
      </div>
    </div>
  );
}
