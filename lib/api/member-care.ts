import { queryOptions } from "@tanstack/react-query";
import type { ChildRegion, Completeness, RegionPath } from "@/lib/types";
import { type DashboardFilters, dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/** GET /api/member-care: 政治生日 of one region, per child region, month and Party organisation. */

/**
 * Members whose political birthday (the month they joined the Party) fell in the period, those
 * of them celebrated, and the coverage (celebrated / due; null with none due).
 */
export type CareFigures = { units: number; due: number; celebrated: number; coverage: number | null };

export type CareUnit = {
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  unit: string;
  /** Months it reported in the period. */
  months: number;
  /** The activities it named, in the order first named. */
  activities: string[];
} & Omit<CareFigures, "units">;

export type MemberCareView = {
  region: RegionPath;
  period: Period;
  years: number[];
  total: CareFigures;
  own: CareFigures;
  /** A league or the region: per child region (本级 first). Empty for a banner. */
  children: (ChildRegion & CareFigures)[];
  /** The organisations of the region itself (本级; a banner: all of its own), most members due first. */
  units: CareUnit[];
  /** Per month of the period, oldest first. */
  trend: ({ year: number; month: number } & CareFigures)[];
  completeness: { total: Completeness; byChild: Record<string, Completeness> };
};

export const memberCareKey = (filters: DashboardFilters) => dashboardKey("member_care", filters);

export const memberCareQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: memberCareKey(filters),
    queryFn: () => getJson<MemberCareView>(`/api/member-care${dashboardSearch(filters)}`),
  });
