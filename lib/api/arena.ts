import { queryOptions } from "@tanstack/react-query";
import type { ArenaLevel } from "@/lib/contract";
import type { ArenaTotals, ChildRegion, Completeness, RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/arena: the entries, leaderboards and score histogram of 擂台比武 for a region. */

/** A child region of the viewed one (or the viewed region itself, 本级) with its entries per level. */
export type ArenaChild = ChildRegion & ArenaTotals;

export type ArenaLeader = {
  level: ArenaLevel;
  /** The contest's year (a range of years ranks the entries of all its years together). */
  year: number;
  /** Place in this leaderboard (by score, ties share a place). */
  position: number;
  /** The rank the contest itself reported, if any. */
  reportedRank: number | null;
  award: string | null;
  organisation: string;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  /** Null where the viewer may not see the name (blanked in SQL). */
  secretary: string | null;
  score: number;
  namesHidden: boolean;
};

/** A histogram bucket of scores: 0 is "below 60", 1–8 are 60–65 … 95–100. */
export type ScoreBucket = { bucket: number; from: number | null; to: number; byLevel: Record<ArenaLevel, number> };

/** Arena entries are reported per year: one year or a range of whole years. */
export type ArenaPeriod = Extract<Period, { kind: "year" | "range" }>;

export type ArenaBoard = {
  region: RegionPath;
  /** The period shown: the one asked for, or the latest year with entries. */
  period: ArenaPeriod;
  /** Years with arena entries anywhere, newest first. */
  years: number[];
  entries: number;
  byLevel: Record<ArenaLevel, number>;
  children: ArenaChild[];
  leaderboards: Record<ArenaLevel, ArenaLeader[]>;
  histogram: ScoreBucket[];
  /** Entries without a score (not in the leaderboard or the histogram). */
  unscored: number;
  /** Each child's arena reports for the period (the region's own code for 本级): 未报齐 on the bars. */
  completeness: Record<string, Completeness>;
};

/** The level of the leaderboard is not part of the key: one answer holds every level. */
export const arenaKey = (filters: DashboardFilters) => dashboardKey("arena", filters);

export const arenaQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: arenaKey(filters),
    queryFn: () =>
      getJson<ArenaBoard>(`/api/arena${dashboardSearch({ region: filters.region, period: filters.period })}`),
  });
