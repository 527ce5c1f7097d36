import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { leagueOptions } from "@/db/queries/breakdown";
import { getOverview } from "@/db/queries/overview";
import { overviewKey } from "@/lib/api/overview";
import { parseDashboardFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { OverviewClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The overview: parse the URL, prefetch the figures on the server, hand over to the client. */
export default async function OverviewPage({ searchParams }: Props) {
  const parsed = parseDashboardFilters(await searchParams);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const filters = { ...parsed.data, region: parsed.data.region ?? viewer.regionCode };
  const db = await getDb();
  const [overview, leagues] = await Promise.all([getOverview(db, viewer, filters), leagueOptions(db)]);
  if (!overview) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(overviewKey(filters), overview);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewClient filters={filters} leagues={leagues} />
    </HydrationBoundary>
  );
}
