import { queryOptions } from "@tanstack/react-query";
import type { ProjectStage } from "@/lib/contract";
import type { ArenaTotals, CadreSummary, ProjectTotals, PromotionTotals, RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import type { AdjustmentFigures } from "./adjustments";
import { dashboardKey, getJson } from "./client";
import type { CycleFigures } from "./cycle";
import type { IndicatorFigure } from "./indicators";
import type { PromotionFigures } from "./promotions";

/**
 * The shape of GET /api/regions/<code>/profile: one region across every dataset for a period,
 * and the same key figures for each region under it.
 */

/** Counts and money of one region (含下级: with everything below it); they add up across regions. */
export type ProfileFigures = {
  promotions: PromotionTotals;
  arena: ArenaTotals;
  projects: ProjectTotals;
  adjustments: Pick<AdjustmentFigures, "down" | "up">;
};

/**
 * The scorecard of one region as that region reported it. Indicators never add up, so a child's
 * key figure is how many of its own indicators met their targets, not a sum.
 */
export type ProfileScorecard = {
  year: number;
  /** Null: the whole-year figures. */
  quarter: number | null;
  figures: IndicatorFigure[];
  /**
   * Per indicator the child regions reported for the same period: how many reported it, how many
   * of those had a target, how many met it. Counts of regions, not sums of values.
   */
  children: { indicator: string; reported: number; targeted: number; met: number }[];
};

export type ProfileChild = ProfileFigures & {
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** The viewed region's own figures (本级), as opposed to a subordinate region's. */
  own: boolean;
  /** It has regions under it, so its own profile has a table like this one. */
  drillable: boolean;
  /** Indicators the region itself reported for the scorecard's period, those with a target, those met. */
  indicators: { reported: number; targeted: number; met: number };
};

export type RegionProfile = {
  region: RegionPath;
  /** The period shown: the one asked for, or the latest year with figures. */
  period: Period;
  /** Years with any figure, newest first. */
  years: number[];
  /** 含下级, with the breakdowns the profile's sections draw. */
  totals: ProfileFigures & {
    promotions: PromotionFigures;
    projects: ProjectTotals & { byStage: Record<ProjectStage, number> };
    adjustments: AdjustmentFigures;
  };
  /** 本级: what the region reported itself. */
  own: ProfileFigures;
  scorecard: ProfileScorecard;
  /** 本级 first where it reported anything, then each child region in code order. */
  children: ProfileChild[];
  /** The evaluation and development datasets of the region (含下级) in the period. */
  cadres: CadreSummary;
  /** 揭榜挂帅 as a cycle (含下级) in the period: /api/cycle's own figures. */
  cycle?: CycleFigures | null;
};

export const profileQuery = (region: string, filters: Pick<DashboardFilters, "period">) =>
  queryOptions({
    queryKey: dashboardKey("profile", { region, period: filters.period }),
    queryFn: () =>
      getJson<RegionProfile>(`/api/regions/${region}/profile${dashboardSearch({ period: filters.period })}`),
  });

/** The URL of a region's profile for a period (the default period is left out). */
export const profileHref = (region: string, period?: Period) => `/regions/${region}${dashboardSearch({ period })}`;

/** Nothing at all reported for the region and period. */
export function profileIsEmpty(p: Pick<RegionProfile, "totals" | "scorecard">): boolean {
  const t = p.totals;
  return (
    t.promotions.total + t.arena.entries + t.projects.projects + t.adjustments.down + t.adjustments.up === 0 &&
    p.scorecard.figures.length === 0
  );
}
