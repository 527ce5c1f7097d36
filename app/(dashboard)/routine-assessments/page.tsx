import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getRoutineAssessments, latestRoutineAssessmentYear } from "@/db/queries/routine-assessments";
import { routineAssessmentsQuery } from "@/lib/api/routine-assessments";
import { canUpload } from "@/lib/auth/permissions";
import { routineAssessmentFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { RoutineAssessmentsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("routineAssessments", routineAssessmentFilters, searchParams, latestRoutineAssessmentYear);
}

/** 公务员平时考核: parse the URL (region defaults to the user's home region), prefetch, hand over to the client. */
export default async function RoutineAssessmentsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(routineAssessmentFilters, searchParams);
  const [view, leagues] = await Promise.all([getRoutineAssessments(db, viewer, filters), leagueOptions(db)]);
  if (!view) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(routineAssessmentsQuery(filters).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RoutineAssessmentsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
