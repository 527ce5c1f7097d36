import { queryOptions } from "@tanstack/react-query";
import { getJson } from "./api";
import type { AdjustmentType, PromotionField } from "./contract";
import type { RegionPath } from "./types";
import { type DashboardFilters, dashboardSearch, type Period, periodKey } from "./view";

/**
 * Shapes of the dashboard API (/api/promotions, /api/adjustments) and the query options that read
 * it. Types only on the database side, so the browser bundle holds no database code.
 */

/** A region a dashboard compares: one of the viewed region's children, or its own level (本级). */
export type ChildRegion = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** The viewed region's own figures (本级), as opposed to a subordinate region's. */
  own: boolean;
  drillable: boolean;
};

export type PromotionFigures = {
  byField: Record<PromotionField, number>;
  frontline: number;
  total: number;
  /** frontline / total, or null when nobody was promoted. */
  share: number | null;
};

export type AdjustmentFigures = {
  byType: Record<AdjustmentType, number>;
  /** 免职 + 降职 + 调离 */
  down: number;
  /** 恢复任职 + 提拔重用 */
  up: number;
};

type View<F> = {
  region: RegionPath;
  /** The period shown: the one asked for, or the latest year with figures. */
  period: Period;
  /** Years with any figure, newest first (the period picker offers these). */
  years: number[];
  /** 含下级: the region with everything below it. */
  total: F;
  /** 本级: what the region reported itself. */
  own: F;
  /** Per child region, the region's own level first where it has figures. */
  children: (ChildRegion & F)[];
  /** Per quarter of the years of the period, oldest first, including quarters with nothing reported. */
  trend: ({ year: number; quarter: number } & F)[];
};

export type PromotionsView = View<PromotionFigures>;
export type AdjustmentsView = View<AdjustmentFigures>;

/** A league with its banners and zones, for the region cascade. */
export type LeagueOption = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  banners: { code: string; nameZh: string; nameEn: string | null }[];
};

export const promotionsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: ["dashboard", "promotions", filters.region ?? "home", periodKey(filters.period)] as const,
    queryFn: () => getJson<PromotionsView>(`/api/promotions${dashboardSearch(filters)}`),
  });

export const adjustmentsQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: ["dashboard", "adjustments", filters.region ?? "home", periodKey(filters.period)] as const,
    queryFn: () => getJson<AdjustmentsView>(`/api/adjustments${dashboardSearch(filters)}`),
  });
