"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { MemberCarePanels } from "@/components/dashboards/member-care-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { memberCareQuery } from "@/lib/api/member-care";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import { type MemberCareFilters, memberCareHref } from "./search-params";

type Props = { filters: MemberCareFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

export function MemberCareClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations("memberCarePage");
  const locale = useLocale();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(memberCareQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(memberCareHref({ region: code, period: filters.period }));

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={memberCareHref}
        heading="memberCarePage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        intro={t("intro")}
      />
      {data.total.units === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <MemberCarePanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.member_care} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.member_care} />
        </>
      )}
    </div>
  );
}
