"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { PromotionsPanels } from "@/components/dashboards/promotions-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { promotionsQuery } from "@/lib/api/promotions";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import { type PromotionFilters, promotionsHref } from "./search-params";

type Props = { filters: PromotionFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

/** 提拔使用: per child region by field with the frontline share, per quarter, 本级 against 含下级. */
export function PromotionsClient({ filters, leagues, canUpload }: Props) {
  const locale = useLocale();
  const tc = useTranslations("dashCommon");
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(promotionsQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(promotionsHref({ region: code, period: filters.period }));

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={promotionsHref}
        heading="promotionsPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
      />
      {data.total.total === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {tc("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <PromotionsPanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.promotions} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.promotions} />
        </>
      )}
    </div>
  );
}
