"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DashboardError } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { CadreCards } from "@/components/overview/cadre-cards";
import { PlacesPanel } from "@/components/places/places-panel";
import { ProfileChildren } from "@/components/profile/profile-children";
import { ProfileHeader } from "@/components/profile/profile-header";
import { ProfileSections } from "@/components/profile/profile-sections";
import { profileHref, profileIsEmpty, profileQuery } from "@/lib/api/profile";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import type { Period } from "@/lib/view";

type Props = { region: string; filters: { period?: Period }; leagues: LeagueOption[]; canUpload: boolean };

/** 地区概况: the region's figures across every dataset, then its subordinate regions. */
export function RegionProfileClient({ region, filters, leagues, canUpload }: Props) {
  const t = useTranslations("profile");
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const router = useRouter();
  const { data, error, refetch } = useQuery(profileQuery(region, filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const empty = profileIsEmpty(data);

  return (
    <div className="space-y-6">
      <ProfileHeader region={data.region} period={data.period} years={data.years} leagues={leagues} />
      {empty ? (
        <div className="rounded-lg border border-line bg-surface p-8 text-center" data-testid="profile-empty">
          <p className="text-muted">
            {t("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
          </p>
          {canUpload && (
            <Link
              href="/upload"
              className="mt-3 inline-block rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:opacity-90"
            >
              {t("emptyUpload")}
            </Link>
          )}
        </div>
      ) : (
        <>
          <ProfileSections data={data} />
          <CadreCards cadres={data.cadres} view={{ region: data.region.code, period: data.period }} />
          <MapPanel
            region={data.region}
            period={data.period}
            metrics={PAGE_METRICS.overview}
            onSelect={(code) => router.push(profileHref(code, data.period))}
          />
          {data.children.length > 0 && <ProfileChildren data={data} />}
        </>
      )}
      {(data.region.level === "county" || data.region.level === "functional_zone") && (
        <PlacesPanel region={data.region.code} period={data.period} />
      )}
    </div>
  );
}
