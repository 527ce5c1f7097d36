// The validation of the page's URL (zod), apart from search-params.ts so the client does not load it.
import { parseFilters, projectPageFilters, projectSort } from "@/lib/filters";
import type { ProjectPageFilters } from "./search-params";

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
