import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getYoungCadres, latestYoungCadreYear } from "@/db/queries/young-cadres";
import { youngCadresQuery } from "@/lib/api/young-cadres";
import { canUpload } from "@/lib/auth/permissions";
import { youngCadreFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { YoungCadresClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("youngCadres", youngCadreFilters, searchParams, latestYoungCadreYear);
}

/** 雏雁行动: parse the URL (region defaults to the user's home region), prefetch, hand over to the client. */
export default async function YoungCadresPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(youngCadreFilters, searchParams);
  const [view, leagues] = await Promise.all([getYoungCadres(db, viewer, filters), leagueOptions(db)]);
  if (!view) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(youngCadresQuery(filters).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <YoungCadresClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
