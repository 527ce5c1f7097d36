import { queryOptions } from "@tanstack/react-query";
import type { AdjustmentType } from "@/lib/contract";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";
import { type DashboardView, dashboardKey, getJson } from "./client";

/** GET /api/adjustments: one region's dashboard of adjustments. */

export type AdjustmentFigures = {
  byType: Record<AdjustmentType, number>;
  /** 免职 + 降职 + 调离 */
  down: number;
  /** 恢复任职 + 提拔重用 */
  up: number;
};

export type AdjustmentsView = DashboardView<AdjustmentFigures> & {
  /**
   * Of the same region and years, the leading cadres graded 不适岗 on the job-fit index (适岗指数)
   * and then moved (调整岗位) or dismissed or demoted (免职/降职): the link the source draws.
   */
  afterJobFit: { moved: number; dismissed: number };
};

export const adjustmentsKey = (filters: DashboardFilters) => dashboardKey("adjustments", filters);

export const adjustmentsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: adjustmentsKey(filters),
    queryFn: () => getJson<AdjustmentsView>(`/api/adjustments${dashboardSearch(filters)}`),
  });
