import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getMemberCare, latestMemberCareYear } from "@/db/queries/member-care";
import { memberCareQuery } from "@/lib/api/member-care";
import { canUpload } from "@/lib/auth/permissions";
import { memberCareFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { MemberCareClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("memberCare", memberCareFilters, searchParams, latestMemberCareYear);
}

/** 政治生日: parse the URL (region defaults to the user's home region), prefetch, hand over to the client. */
export default async function MemberCarePage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(memberCareFilters, searchParams);
  const [view, leagues] = await Promise.all([getMemberCare(db, viewer, filters), leagueOptions(db)]);
  if (!view) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(memberCareQuery(filters).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <MemberCareClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
