"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { DashboardError } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { RegionTrail } from "@/components/filters/region-trail";
import { PlacesPanel } from "@/components/places/places-panel";
import { placesQuery } from "@/lib/api/places";
import { profileHref } from "@/lib/api/profile";
import { regionName } from "@/lib/region-name";
import type { Period } from "@/lib/view";

type Props = { region: string; period?: Period };

/** A township's page: where it sits (each level above links to its profile) and its villages with their figures. */
export function TownshipClient({ region, period }: Props) {
  const t = useTranslations("places");
  const tp = useTranslations("profile");
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(placesQuery({ region, period }));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const banner = data.region.path.at(-2);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <RegionTrail path={data.region.path} hrefOf={(code) => profileHref(code, period)} />
        <h1 className="text-2xl font-semibold text-ink">
          {t("townshipHeading", { region: regionName(data.region, locale) })}
        </h1>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span
            className="rounded-full border border-line bg-page px-2 py-0.5 text-xs font-medium text-ink"
            data-testid="profile-level"
          >
            {tp(`levels.${data.region.level}`)}
          </span>
          {banner && <span>{t("townshipOf", { banner: regionName(banner, locale) })}</span>}
          <span>{data.period ? periodLabel(data.period) : t("allYears")}</span>
          <span className="font-mono text-xs">{data.region.code}</span>
        </p>
      </div>
      <PlacesPanel region={region} period={period} />
    </div>
  );
}
