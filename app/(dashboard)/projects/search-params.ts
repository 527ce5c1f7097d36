import {
  type DashboardFilters,
  type ProjectListFilters,
  parseFilters,
  projectPageFilters,
  projectSearch,
  projectSort,
} from "@/lib/filters";

/**
 * The URL of /projects: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, quarter or range of years of the day taken, default all years),
 * the list's page and sort, and the day the funnel is drawn as of.
 */
export type ProjectPageFilters = ProjectListFilters & { asOf?: string };

type RawParams = Record<string, string | string[] | undefined>;

export function parseProjectFilters(params: RawParams, homeRegion: string) {
  const parsed = parseFilters(projectPageFilters, params);
  if (!parsed.success) return parsed;
  const { region, period, page, sort, dir, asOf } = parsed.data;
  const filters: ProjectPageFilters = {
    region: region ?? homeRegion,
    ...(period ? { period } : {}),
    page,
    ...projectSort(sort, dir),
    ...(asOf ? { asOf } : {}),
  };
  return { success: true as const, data: filters };
}

/** Another region or period: back to the first page, the sort and the funnel's day kept. */
export const projectsHref = (current: ProjectPageFilters, next: DashboardFilters) =>
  `/projects${projectSearch({ ...current, ...next, page: 1 })}`;
