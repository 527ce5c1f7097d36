import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { getArenaBoard, LEADERBOARD_SIZE } from "@/db/queries/arena";
import { leagueOptions } from "@/db/queries/breakdown";
import { arenaKey } from "@/lib/api/arena";
import { canUpload } from "@/lib/auth/permissions";
import { arenaPageFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { prefetchPlaces } from "@/server/places-page";
import { ArenaClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("arena", arenaPageFilters, searchParams);
}

/** 擂台比武: parse the URL, prefetch the board on the server (first paint has data), hand over to the client. */
export default async function ArenaPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(arenaPageFilters, searchParams);
  const [board, leagues] = await Promise.all([getArenaBoard(db, viewer, filters), leagueOptions(db)]);
  if (!board) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(arenaKey(filters), board);
  await prefetchPlaces(queryClient, viewer, board.region, board.period);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ArenaClient
          filters={filters}
          leagues={leagues}
          canUpload={canUpload(viewer)}
          leaderboardSize={LEADERBOARD_SIZE}
        />
      </HydrationBoundary>
    </>
  );
}
