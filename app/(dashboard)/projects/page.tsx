import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { availableYears } from "@/db/queries/overview";
import { getProjectStats } from "@/db/queries/project-stats";
import { listProjects, RECORDS_PAGE_SIZE } from "@/db/queries/records";
import { getRegionPath } from "@/db/queries/regions";
import { projectStatsQuery, projectsQuery } from "@/lib/api";
import { requireViewer } from "@/lib/auth/page";
import { parseRecordsFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { asOfParam } from "@/lib/schemas";
import { ProjectsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 揭榜挂帅 projects of a region (default: the user's home region), all years unless one is chosen.
 * Any region may be opened; the query blanks lead cadres' names outside the user's own region.
 */
export default async function ProjectsPage({ searchParams }: Props) {
  const parsed = parseRecordsFilters(await searchParams);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const filters = { ...parsed.data, region: parsed.data.region ?? viewer.regionCode };
  const db = await getDb();
  const region = await getRegionPath(db, filters.region);
  if (!region) notFound();
  const raw = await searchParams;
  const asOf = asOfParam.safeParse(Array.isArray(raw.asOf) ? raw.asOf[0] : raw.asOf).data;
  const [years, list, stats] = await Promise.all([
    availableYears(db),
    listProjects(db, viewer, filters),
    getProjectStats(db, viewer, { region: filters.region, year: filters.year, asOf }),
  ]);

  const queryClient = getQueryClient();
  queryClient.setQueryData(projectsQuery(filters).queryKey, list);
  queryClient.setQueryData(
    projectStatsQuery({ region: filters.region, year: filters.year, asOf }).queryKey,
    stats ?? undefined,
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectsClient filters={filters} asOf={asOf} region={region} years={years} pageSize={RECORDS_PAGE_SIZE} />
    </HydrationBoundary>
  );
}
