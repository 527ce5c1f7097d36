import { type DashboardFilters, type ProjectListFilters, projectSearch } from "@/lib/view";

/**
 * The URL of /projects: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year, quarter or range of years of the day taken, default the latest year
 * with projects, `years=all` the whole register),
 * the list's page and sort, and the day the funnel is drawn as of.
 */
export type ProjectPageFilters = ProjectListFilters & { asOf?: string; years?: "all" };

/** Another region or period (none: all years): back to the first page, the sort and the funnel's day kept. */
export const projectsHref = (current: ProjectPageFilters, next: DashboardFilters) =>
  `/projects${projectSearch({ ...current, ...next, page: 1, years: "all" })}`;
