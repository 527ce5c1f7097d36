import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getPromotions } from "@/db/queries/promotions";
import { promotionsQuery } from "@/lib/api/promotions";
import { canUpload } from "@/lib/auth/permissions";
import { promotionFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { PromotionsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("promotions", promotionFilters, searchParams);
}

/** Parse the URL (region defaults to the user's home region), prefetch the figures, hand over to the client. */
export default async function PromotionsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(promotionFilters, searchParams);
  const [view, leagues] = await Promise.all([getPromotions(db, viewer, filters), leagueOptions(db)]);
  if (!view) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(promotionsQuery(filters).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PromotionsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
