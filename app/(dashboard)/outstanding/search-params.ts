import { type OutstandingFilters, outstandingSearch } from "@/lib/api/outstanding";

/**
 * The URL of /outstanding: a region (default the user's home region), a year (default the latest
 * with figures), and optionally a dataset and a quarter (a cell of the reporting board).
 */
export type { OutstandingFilters };

export const outstandingHref = (filters: OutstandingFilters) => `/outstanding${outstandingSearch(filters)}`;
