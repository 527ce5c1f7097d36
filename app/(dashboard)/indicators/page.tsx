import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getScorecard } from "@/db/queries/indicators";
import { scorecardKey } from "@/lib/api/indicators";
import { canUpload } from "@/lib/auth/permissions";
import { indicatorPageFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { IndicatorsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("indicators", indicatorPageFilters, searchParams);
}

/** 成绩单: parse the URL, prefetch the scorecard on the server (first paint has data), hand over to the client. */
export default async function IndicatorsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(indicatorPageFilters, searchParams);
  const [scorecard, leagues] = await Promise.all([getScorecard(db, viewer, filters), leagueOptions(db)]);
  if (!scorecard) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(scorecardKey(filters), scorecard);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <IndicatorsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
