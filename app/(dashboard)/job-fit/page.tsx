import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getJobFit } from "@/db/queries/job-fit";
import { jobFitQuery } from "@/lib/api/evaluations";
import { canUpload } from "@/lib/auth/permissions";
import { jobFitRecordFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { JobFitClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("jobFit", jobFitRecordFilters, searchParams);
}

/**
 * Parse the URL, prefetch the aggregates (no names). The named list is fetched by the browser
 * through GET /api/job-fit/records, the one door where its views are audited.
 */
export default async function JobFitPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(jobFitRecordFilters, searchParams);
  const [view, leagues] = await Promise.all([
    getJobFit(db, viewer, { region: filters.region, period: filters.period }),
    leagueOptions(db),
  ]);
  if (!view) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(jobFitQuery({ region: filters.region, period: filters.period }).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <JobFitClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
