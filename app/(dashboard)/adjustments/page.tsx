import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { getAdjustments } from "@/db/queries/adjustments";
import { leagueOptions } from "@/db/queries/breakdown";
import { adjustmentsQuery } from "@/lib/api/adjustments";
import { canUpload } from "@/lib/auth/permissions";
import { adjustmentFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { AdjustmentsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("adjustments", adjustmentFilters, searchParams);
}

/** Parse the URL (region defaults to the user's home region), prefetch the figures, hand over to the client. */
export default async function AdjustmentsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(adjustmentFilters, searchParams);
  const [view, leagues] = await Promise.all([getAdjustments(db, viewer, filters), leagueOptions(db)]);
  if (!view) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(adjustmentsQuery(filters).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AdjustmentsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
