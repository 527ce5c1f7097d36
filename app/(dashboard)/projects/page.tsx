import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getCycleFigures } from "@/db/queries/cycle";
import { availableYears } from "@/db/queries/overview";
import { getProjectStats } from "@/db/queries/project-stats";
import { latestProjectYear, listProjects, RECORDS_PAGE_SIZE } from "@/db/queries/records";
import { getRegionPath } from "@/db/queries/regions";
import { cycleQuery } from "@/lib/api/cycle";
import { projectStatsQuery, projectsQuery } from "@/lib/api/projects";
import { projectPageFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { ProjectsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("projects", projectPageFilters, searchParams, latestProjectYear);
}

/**
 * 揭榜挂帅 projects of a region (default: the user's home region) taken in a period (default: the
 * latest year with projects; `years=all`: every year). Any region may be opened; the query blanks
 * lead cadres' names outside the user's own region.
 */
export default async function ProjectsPage({ searchParams }: Props) {
  const { viewer, filters: asked, db, notice } = await openDashboard(projectPageFilters, searchParams);
  const latest = asked.period || asked.years ? undefined : await latestProjectYear(db);
  const pageFilters = latest ? { ...asked, period: { kind: "year" as const, year: latest } } : asked;
  const { asOf, years: _, ...filters } = pageFilters;
  const region = await getRegionPath(db, filters.region);
  if (!region) notFound();
  const stats = { region: filters.region, period: filters.period, asOf };
  const [years, leagues, list, funnel, cycle] = await Promise.all([
    availableYears(db),
    leagueOptions(db),
    listProjects(db, viewer, filters),
    getProjectStats(db, viewer, stats),
    getCycleFigures(db, viewer, { region: filters.region, period: filters.period }),
  ]);

  const queryClient = getQueryClient();
  queryClient.setQueryData(projectsQuery(filters).queryKey, list);
  queryClient.setQueryData(projectStatsQuery(stats).queryKey, funnel ?? undefined);
  queryClient.setQueryData(cycleQuery({ region: filters.region, period: filters.period }).queryKey, cycle ?? undefined);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProjectsClient
          filters={pageFilters}
          region={region}
          years={years}
          leagues={leagues}
          pageSize={RECORDS_PAGE_SIZE}
        />
      </HydrationBoundary>
    </>
  );
}
