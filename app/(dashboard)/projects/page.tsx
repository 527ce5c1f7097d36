import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { availableYears } from "@/db/queries/overview";
import { listProjects, RECORDS_PAGE_SIZE } from "@/db/queries/records";
import { getRegionPath } from "@/db/queries/regions";
import { projectsQuery } from "@/lib/api";
import { requireViewer } from "@/lib/auth/page";
import { parseRecordsFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
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
  const [years, list] = await Promise.all([availableYears(db), listProjects(db, viewer, filters)]);

  const queryClient = getQueryClient();
  queryClient.setQueryData(projectsQuery(filters).queryKey, list);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectsClient filters={filters} region={region} years={years} pageSize={RECORDS_PAGE_SIZE} />
    </HydrationBoundary>
  );
}
