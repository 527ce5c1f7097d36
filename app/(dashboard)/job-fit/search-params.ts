import { type DashboardFilters, dashboardSearch } from "@/lib/view";

/** The URL of /job-fit, as /evaluations: region, a year or a range of years, the named list's page. */
export type JobFitPageFilters = DashboardFilters & { page?: number };

export const jobFitHref = ({ region, period, page }: JobFitPageFilters) =>
  `/job-fit${dashboardSearch({ region, period }, { page: page && page > 1 ? page : undefined })}`;
