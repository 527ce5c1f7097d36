import { queryOptions } from "@tanstack/react-query";
import type { AdjustmentsView } from "@/lib/api/adjustments";
import type { ArenaBoard } from "@/lib/api/arena";
import type { CycleFigures } from "@/lib/api/cycle";
import type { Scorecard } from "@/lib/api/indicators";
import type { OutstandingRow } from "@/lib/api/outstanding";
import type { ProjectStats } from "@/lib/api/projects";
import type { PromotionsView } from "@/lib/api/promotions";
import type { Ranking, RankingMetric } from "@/lib/api/rankings";
import type { Overview, RegionRef } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type ReportSection, reportSections } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

export { type ReportSection, reportSections };

/** The figures whose rank among its peers the text states. */
export const peerMetrics = [
  "frontline",
  "frontlineShare",
  "arenaEntries",
  "projects",
] as const satisfies readonly RankingMetric[];
export type PeerMetric = (typeof peerMetrics)[number];

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
  /** 揭榜挂帅 as a cycle (设榜 → 揭榜 → 跟榜 → 评榜) for the same region and period. */
  cycle?: CycleFigures | null;
  indicators: Scorecard;
  /** The region the peers belong to (null for the autonomous region, which has none). */
  parent: RegionRef | null;
  /** The region's rank among its peers on the figures the text cites (the ranking's own ranks). */
  peers: Record<PeerMetric, PeerRank> | null;
  /** The region's children ranked on each figure of the overview (empty where it has none). */
  rankings: Ranking[];
  /** The reports of the period's year still outstanding below the region; null where the viewer may not list them. */
  outstanding: OutstandingRow[] | null;
  /** ISO time of the last change to the published figures. */
  asOf: string | null;
};

export const reportKey = (filters: DashboardFilters) => dashboardKey("report", filters);

export const reportQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: reportKey(filters),
    queryFn: () => getJson<ReportData>(`/api/reports${dashboardSearch(filters)}`),
  });
