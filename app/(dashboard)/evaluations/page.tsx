import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getEvaluations } from "@/db/queries/evaluations";
import { evaluationsQuery } from "@/lib/api/evaluations";
import { canUpload } from "@/lib/auth/permissions";
import { evaluationRecordFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { EvaluationsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("evaluations", evaluationRecordFilters, searchParams);
}

/**
 * Parse the URL, prefetch the aggregates (no names). The named list is fetched by the browser
 * through GET /api/evaluations/records, the one door where its views are audited.
 */
export default async function EvaluationsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(evaluationRecordFilters, searchParams);
  const [view, leagues] = await Promise.all([
    getEvaluations(db, viewer, { region: filters.region, period: filters.period }),
    leagueOptions(db),
  ]);
  if (!view) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(evaluationsQuery({ region: filters.region, period: filters.period }).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EvaluationsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
