import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getSelections, latestSelectionYear, listSelections } from "@/db/queries/selections";
import { selectionRecordsQuery, selectionsQuery } from "@/lib/api/selections";
import { canUpload } from "@/lib/auth/permissions";
import { selectionRecordFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { SelectionsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("selections", selectionRecordFilters, searchParams, latestSelectionYear);
}

/** 好班子好干部: the counts and the first page of the named list, prefetched; names as the API gives them. */
export default async function SelectionsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(selectionRecordFilters, searchParams);
  const [view, leagues] = await Promise.all([getSelections(db, viewer, filters), leagueOptions(db)]);
  if (!view) notFound();
  // The list of the period the counts show (the latest year by default), as /api/selections/records reads it.
  const list = await listSelections(db, viewer, filters);

  const queryClient = getQueryClient();
  queryClient.setQueryData(selectionsQuery(filters).queryKey, view);
  if (list) queryClient.setQueryData(selectionRecordsQuery(filters).queryKey, list);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SelectionsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
