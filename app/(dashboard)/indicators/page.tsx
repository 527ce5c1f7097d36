import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { leagueOptions } from "@/db/queries/breakdown";
import { getScorecard } from "@/db/queries/indicators";
import { scorecardKey } from "@/lib/api/indicators";
import { canUpload } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { IndicatorsClient } from "./client";
import { parseIndicatorFilters } from "./parse";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 成绩单: parse the URL, prefetch the scorecard on the server (first paint has data), hand over to the client. */
export default async function IndicatorsPage({ searchParams }: Props) {
  const parsed = parseIndicatorFilters(await searchParams);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const filters = { ...parsed.data, region: parsed.data.region ?? viewer.regionCode };
  const db = await getDb();
  const [scorecard, leagues] = await Promise.all([getScorecard(db, viewer, filters), leagueOptions(db)]);
  if (!scorecard) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(scorecardKey(filters), scorecard);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <IndicatorsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
    </HydrationBoundary>
  );
}
