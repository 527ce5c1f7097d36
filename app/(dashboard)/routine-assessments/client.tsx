"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { RoutineAssessmentsPanels } from "@/components/dashboards/routine-assessments-panels";
import { DashboardEmpty, DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { MapPanel } from "@/components/map/map-panel";
import { RankingPanel } from "@/components/rankings/lazy-ranking-panel";
import { PAGE_METRICS } from "@/lib/api/rankings";
import type { LeagueOption } from "@/lib/api/regions";
import { routineAssessmentsQuery } from "@/lib/api/routine-assessments";
import { regionName } from "@/lib/region-name";
import { type RoutineAssessmentFilters, routineAssessmentsHref } from "./search-params";

type Props = { filters: RoutineAssessmentFilters & { region: string }; leagues: LeagueOption[]; canUpload: boolean };

export function RoutineAssessmentsClient({ filters, leagues, canUpload }: Props) {
  const t = useTranslations("routineAssessmentsPage");
  const locale = useLocale();
  const router = useRouter();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(routineAssessmentsQuery(filters));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;
  const select = (code: string) => router.push(routineAssessmentsHref({ region: code, period: filters.period }));

  return (
    <div className="space-y-6">
      <DashboardHeader
        hrefOf={routineAssessmentsHref}
        heading="routineAssessmentsPage.heading"
        region={data.region}
        period={data.period}
        years={data.years}
        leagues={leagues}
        intro={t("intro")}
      />
      {data.total.contactPoints === 0 ? (
        <DashboardEmpty canUpload={canUpload}>
          {t("empty", { region: regionName(data.region, locale), period: periodLabel(data.period) })}
        </DashboardEmpty>
      ) : (
        <>
          <RoutineAssessmentsPanels data={data} onSelect={select} />
          <MapPanel
            region={data.region}
            period={data.period}
            metrics={PAGE_METRICS.routine_assessments}
            onSelect={select}
          />
          <RankingPanel region={data.region.code} period={data.period} metrics={PAGE_METRICS.routine_assessments} />
        </>
      )}
    </div>
  );
}
