"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { YoungCadresPanels } from "@/components/dashboards/young-cadres-panels";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { youngCadresQuery } from "@/lib/api/young-cadres";
import { regionName } from "@/lib/region-name";
import { DATASET_PERIODS } from "@/lib/view";
import { type YoungCadreFilters, youngCadresHref } from "./search-params";

type Props = { filters: YoungCadreFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

export function YoungCadresClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations("youngCadresPage");
  const locale = useLocale();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(youngCadresQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(youngCadresHref({ region: code, period: filters.period }));

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={youngCadresHref}
        heading="youngCadresPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        kinds={DATASET_PERIODS.young_cadres}
        intro={t("intro")}
      />
      {data.total.selected === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <YoungCadresPanels data={data} onSelect={select} />
          <MapPanel region={data.region} period={data.period} metrics={PAGE_METRICS.young_cadres} onSelect={select} />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.young_cadres} />
        </>
      )}
    </div>
  );
}
