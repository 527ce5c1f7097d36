import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ProjectStage } from "@/lib/contract";
import type { Completeness } from "@/lib/types";
import { dashboardSearch, type Period, type ProjectListFilters, projectSearch } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/projects (the list of 揭榜挂帅 projects) and GET /api/project-stats (the figures at a glance). */

export type ProjectRecord = {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  industryChain: string | null;
  leadCadre: string | null;
  cadreUnit: string | null;
  takenOn: string;
  stage: string;
  plannedInvestment: number | null;
  fundsInPlace: number | null;
  namesHidden: boolean;
};

export type ProjectList = { rows: ProjectRecord[]; total: number };

export type ProjectStats = {
  asOf: string;
  /** Projects that had reached each stage by `asOf` (a stage implies every one before it). */
  funnel: { stage: ProjectStage; projects: number }[];
  byChain: { chain: string | null; projects: number; plannedInvestment: number; fundsInPlace: number }[];
  children: {
    code: string;
    nameZh: string;
    nameEn: string | null;
    own: boolean;
    projects: number;
    cadres: number;
    fundsInPlace: number;
  }[];
  /** Each child's project reports for the period (null for all years, which expect none): 未报齐 on the bars. */
  completeness: Record<string, Completeness> | null;
};

/** No period on the project pages means every year, hence "all" in the key. */
export const projectsQuery = (filters: ProjectListFilters) =>
  queryOptions({
    queryKey: [...dashboardKey("projects", filters, "all"), filters.page, filters.sort, filters.dir] as const,
    queryFn: () => getJson<ProjectList>(`/api/projects${projectSearch(filters)}`),
    // Paging keeps the old rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });

export const projectStatsQuery = (filters: { region: string; period?: Period; asOf?: string }) =>
  queryOptions({
    queryKey: [...dashboardKey("project-stats", filters, "all"), filters.asOf ?? "today"] as const,
    queryFn: () =>
      getJson<ProjectStats>(
        `/api/project-stats${dashboardSearch({ region: filters.region, period: filters.period }, { asOf: filters.asOf })}`,
      ),
  });
