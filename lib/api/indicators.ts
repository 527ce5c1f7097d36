import { queryOptions } from "@tanstack/react-query";
import type { RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/indicators: a region's scorecard of indicators against their targets. */

/** Against the target: met (value ≥ target), close (within 10% below it), missed, or none without a target. */
export type IndicatorStatus = "met" | "close" | "missed" | "none";

export type IndicatorFigure = {
  indicator: string;
  value: number;
  unit: string;
  target: number | null;
  rank: number | null;
  status: IndicatorStatus;
};

/** The same indicator as reported by a child region (or by the viewed region itself, 本级). */
export type IndicatorAcross = IndicatorFigure & {
  code: string;
  nameZh: string;
  nameEn: string | null;
  own: boolean;
  drillable: boolean;
};

export type IndicatorPoint = { year: number; quarter: number | null; value: number; target: number | null };

/** A child region of the viewed one, for the scorecard's table across regions. */
export type ScorecardChild = { code: string; nameZh: string; nameEn: string | null; drillable: boolean };

/** Indicators never add up across years, so a whole year or one quarter, never a range. */
export type ScorecardPeriod = Extract<Period, { kind: "year" | "quarter" }>;

export type Scorecard = {
  region: RegionPath;
  /** The period shown: a year means its whole-year figures (blank quarter), a quarter that quarter's. */
  period: ScorecardPeriod;
  year: number;
  /** Null: the whole-year figures. */
  quarter: number | null;
  /** Years with any indicator, newest first. */
  years: number[];
  /** The periods of the chosen year for which this region or its children reported anything. */
  periods: (number | null)[];
  /** What the region itself reported for the period: indicators are never summed across regions. */
  figures: IndicatorFigure[];
  /** Per indicator, what the region itself and each child region reported for the period. */
  across: Record<string, IndicatorAcross[]>;
  /** The child regions, in code order (rows of `across` only exist where something was reported). */
  children: ScorecardChild[];
  /** Per indicator the region itself reported, its values over the years at the same granularity (quarters or whole years). */
  trends: Record<string, IndicatorPoint[]>;
};

/** The chosen indicator is not part of the key: one answer holds every indicator of the period. */
export const scorecardKey = (filters: DashboardFilters) => dashboardKey("indicators", filters);

export const scorecardQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: scorecardKey(filters),
    queryFn: () =>
      getJson<Scorecard>(`/api/indicators${dashboardSearch({ region: filters.region, period: filters.period })}`),
  });
