import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getArenaBoard, LEADERBOARD_SIZE } from "@/db/queries/arena";
import { leagueOptions } from "@/db/queries/breakdown";
import { arenaKey } from "@/lib/api/arena";
import { canUpload } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { ArenaClient } from "./client";
import { parseArenaFilters } from "./parse";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 擂台比武: parse the URL, prefetch the board on the server (first paint has data), hand over to the client. */
export default async function ArenaPage({ searchParams }: Props) {
  const parsed = parseArenaFilters(await searchParams);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const filters = { ...parsed.data, region: parsed.data.region ?? viewer.regionCode };
  const db = await getDb();
  const [board, leagues] = await Promise.all([getArenaBoard(db, viewer, filters), leagueOptions(db)]);
  if (!board) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(arenaKey(filters), board);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ArenaClient
        filters={filters}
        leagues={leagues}
        canUpload={canUpload(viewer)}
        leaderboardSize={LEADERBOARD_SIZE}
      />
    </HydrationBoundary>
  );
}
