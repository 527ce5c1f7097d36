import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { leagueOptions } from "@/db/queries/breakdown";
import { availableYears } from "@/db/queries/overview";
import { getProjectStats } from "@/db/queries/project-stats";
import { listProjects, RECORDS_PAGE_SIZE } from "@/db/queries/records";
import { getRegionPath } from "@/db/queries/regions";
import { projectStatsQuery, projectsQuery } from "@/lib/api/projects";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { ProjectsClient } from "./client";
import { parseProjectFilters } from "./parse";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 揭榜挂帅 projects of a region (default: the user's home region), all years unless a period is
 * chosen. Any region may be opened; the query blanks lead cadres' names outside the user's own region.
 */
export default async function ProjectsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const parsed = parseProjectFilters(await searchParams, viewer.regionCode);
  if (!parsed.success) notFound();
  const { asOf, ...filters } = parsed.data;
  const db = await getDb();
  const region = await getRegionPath(db, filters.region);
  if (!region) notFound();
  const stats = { region: filters.region, period: filters.period, asOf };
  const [years, leagues, list, funnel] = await Promise.all([
    availableYears(db),
    leagueOptions(db),
    listProjects(db, viewer, filters),
    getProjectStats(db, viewer, stats),
  ]);

  const queryClient = getQueryClient();
  queryClient.setQueryData(projectsQuery(filters).queryKey, list);
  queryClient.setQueryData(projectStatsQuery(stats).queryKey, funnel ?? undefined);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectsClient
        filters={parsed.data}
        region={region}
        years={years}
        leagues={leagues}
        pageSize={RECORDS_PAGE_SIZE}
      />
    </HydrationBoundary>
  );
}
