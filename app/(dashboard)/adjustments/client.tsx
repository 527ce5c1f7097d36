"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { AdjustmentsPanels } from "@/components/dashboards/adjustments-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { adjustmentsQuery } from "@/lib/api/adjustments";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { regionName } from "@/lib/region-name";
import { type AdjustmentFilters, adjustmentsHref } from "./search-params";

type Props = { filters: AdjustmentFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

/** 能上能下: moved down against moved back up, per child region and per quarter, 本级 against 含下级. */
export function AdjustmentsClient({ filters, leagues, canUpload }: Props) {
  const locale = useLocale();
  const tc = useTranslations("dashCommon");
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(adjustmentsQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(adjustmentsHref({ region: code, period: filters.period }));

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={adjustmentsHref}
        heading="adjustmentsPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
      />
      {data.total.down + data.total.up === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {tc("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <AdjustmentsPanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.adjustments} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.adjustments} />
        </>
      )}
    </div>
  );
}
