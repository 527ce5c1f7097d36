import { queryOptions } from "@tanstack/react-query";
import type { PromotionField } from "@/lib/contract";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";
import { type DashboardView, dashboardKey, getJson } from "./client";

/** GET /api/promotions: one region's dashboard of promotions. */

export type PromotionFigures = {
  byField: Record<PromotionField, number>;
  frontline: number;
  total: number;
  /** frontline / total, or null when nobody was promoted. */
  share: number | null;
};

export type PromotionsView = DashboardView<PromotionFigures>;

export const promotionsKey = (filters: DashboardFilters) => dashboardKey("promotions", filters);

export const promotionsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: promotionsKey(filters),
    queryFn: () => getJson<PromotionsView>(`/api/promotions${dashboardSearch(filters)}`),
  });
