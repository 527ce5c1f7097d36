import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getOverview } from "@/db/queries/overview";
import { overviewKey } from "@/lib/api/overview";
import { overviewFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { OverviewClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("overview", overviewFilters, searchParams);
}

/** The overview: parse the URL, prefetch the figures on the server, hand over to the client. */
export default async function OverviewPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(overviewFilters, searchParams);
  const [overview, leagues] = await Promise.all([getOverview(db, viewer, filters), leagueOptions(db)]);
  if (!overview) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(overviewKey(filters), overview);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OverviewClient
          filters={filters}
          leagues={leagues}
          viewer={{ role: viewer.role, regionCode: viewer.regionCode }}
        />
      </HydrationBoundary>
    </>
  );
}
