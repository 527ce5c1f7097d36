import { type DashboardFilters, dashboardSearch, type ReportSection, reportSections } from "@/lib/view";

/**
 * The URL of /reports: region (default the user's home region), a year or a quarter (default the
 * latest year with figures), and the sections chosen (absent: all of them).
 */
export type ReportFilters = DashboardFilters & { sections?: ReportSection[] };

export const reportHref = ({ sections, ...filters }: ReportFilters) =>
  `/reports${dashboardSearch(filters, {
    sections: sections && sections.length < reportSections.length ? sections.join(",") : undefined,
  })}`;
