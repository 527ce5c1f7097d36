import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getReport } from "@/db/queries/report";
import { reportQuery } from "@/lib/api/reports";
import { reportPageFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { ReportsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("reports", reportPageFilters, searchParams);
}

/** 情况通报: parse the URL, prefetch the report's figures, hand over to the client, which writes it. */
export default async function ReportsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(reportPageFilters, searchParams);
  const { sections, ...view } = filters;
  const [report, leagues] = await Promise.all([getReport(db, viewer, view), leagueOptions(db)]);
  if (!report) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(reportQuery(view).queryKey, report);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ReportsClient filters={filters} leagues={leagues} />
      </HydrationBoundary>
    </>
  );
}
