import { queryOptions } from "@tanstack/react-query";
import type { AdjustmentsView } from "@/lib/api/adjustments";
import type { ArenaBoard } from "@/lib/api/arena";
import type { Scorecard } from "@/lib/api/indicators";
import type { ProjectStats } from "@/lib/api/projects";
import type { PromotionsView } from "@/lib/api/promotions";
import type { Overview, RegionRef } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type ReportSection, reportSections } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

export { type ReportSection, reportSections };

/** Where the region stands among its peers (its parent's children) on one figure. */
export type PeerRank = { rank: number | null; of: number };

/**
 * GET /api/reports: everything a 情况通报 of one region and period says, as the dashboards' own
 * answers (the same queries, so a report never computes a figure of its own), plus the region's
 * place among its peers and when the figures were last changed.
 */
export type ReportData = {
  overview: Overview;
  promotions: PromotionsView;
  adjustments: AdjustmentsView;
  arena: ArenaBoard;
  projects: ProjectStats;
  indicators: Scorecard;
  /** The region the peers belong to (null for the autonomous region, which has none). */
  parent: RegionRef | null;
  peers: {
    frontline: PeerRank;
    frontlineShare: PeerRank;
    arenaEntries: PeerRank;
    projects: PeerRank;
  } | null;
  /** ISO time of the last change to the published figures. */
  asOf: string | null;
};

export const reportKey = (filters: DashboardFilters) => dashboardKey("report", filters);

export const reportQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: reportKey(filters),
    queryFn: () => getJson<ReportData>(`/api/reports${dashboardSearch(filters)}`),
  });
