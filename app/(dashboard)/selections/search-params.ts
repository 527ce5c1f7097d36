import type { SelectionListFilters } from "@/lib/api/selections";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/**
 * The URL of /selections: the shared dashboard filters of lib/filters.ts (region, default the
 * user's home region; a year or a range of years, default the latest year with selections), plus
 * the named list's category and page (lib/filters.ts selectionRecordFilters).
 */
export type SelectionPageFilters = SelectionListFilters;

/** Another region or period: the list starts again at its first page, the category kept. */
export const selectionsHref = (filters: DashboardFilters, category?: SelectionListFilters["category"]) =>
  `/selections${dashboardSearch(filters, { category })}`;

/** Another page or category of the list, in the same view. */
export const selectionsListHref = ({ page, category, ...filters }: SelectionPageFilters) =>
  `/selections${dashboardSearch(filters, { category, page: page && page > 1 ? page : undefined })}#list`;
