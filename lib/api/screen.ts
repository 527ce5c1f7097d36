import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type { Dataset } from "@/lib/contract";
import { regionCode } from "@/lib/schemas";
import type { Completeness, RegionPath } from "@/lib/types";
import type { Period } from "@/lib/view";
import { getJson } from "./client";
import type { PAGE_METRICS, Ranking, RankingMetric } from "./rankings";

/**
 * The wall screen (/screen): one answer with every slide it rotates through, and the cheap data
 * version it polls to know when to ask for that answer again. Nothing in either names a person.
 */

/** The datasets the screen rotates through, in this order: every ranked page but the overview. */
export const screenSlides = [
  "promotions",
  "adjustments",
  "arena",
  "projects",
  "evaluations",
  "job_fit",
  "young_cadres",
  "selections",
  "routine_assessments",
  "member_care",
] as const satisfies readonly (keyof typeof PAGE_METRICS)[];
export type ScreenSlideKey = (typeof screenSlides)[number];

export const SCREEN_INTERVAL = { min: 5, max: 600, default: 20 } as const;

/** The screen's URL: ?region=<code>&interval=<seconds>; both optional. */
export const screenParams = z.object({
  region: regionCode.optional(),
  interval: z.coerce
    .number({ message: "invalid.interval" })
    .int({ message: "invalid.interval" })
    .min(SCREEN_INTERVAL.min, { message: "invalid.interval" })
    .max(SCREEN_INTERVAL.max, { message: "invalid.interval" })
    .optional(),
});
export type ScreenParams = z.infer<typeof screenParams>;

/** The query of GET /api/screen: the region alone (the interval is the browser's business). */
export const screenQuery = z.object({ region: regionCode.optional() });

/** The slide shown `elapsed` milliseconds after the screen started, every `interval` seconds the next one. */
export function slideAt(elapsedMs: number, intervalSeconds: number, count: number): number {
  if (count <= 0) return 0;
  const step = Math.floor(Math.max(0, elapsedMs) / (intervalSeconds * 1000));
  return step % count;
}

/**
 * The wait before the next try after `failures` failed ones in a row: 2, 4, 8 … seconds, at
 * most a minute, so that a screen whose server is down does not hammer it when it comes back.
 */
export function retryDelay(failures: number): number {
  return Math.min(60_000, 2000 * 2 ** Math.max(0, failures - 1));
}

/** A headline figure of a slide: a metric's value for the whole region (null: none to show). */
export type ScreenFigure = { metric: RankingMetric; value: number | null };

export type ScreenSlide = {
  key: ScreenSlideKey;
  figures: ScreenFigure[];
  /** The children ranked by the slide's first metric (the page's default). */
  ranking: Ranking;
  completeness: Completeness;
};

/** A report published lately: where, what and when; never who sent or approved it. */
export type ScreenApproval = {
  regionCode: string;
  nameZh: string;
  nameEn: string | null;
  dataset: Dataset;
  year: number;
  quarter: number | null;
  at: string;
};

/** The reports not in yet for the year: how many, per dataset, and the longest overdue. */
export type ScreenOutstanding = {
  year: number;
  total: number;
  byDataset: { dataset: Dataset; count: number }[];
  rows: {
    code: string;
    nameZh: string;
    nameEn: string | null;
    dataset: Dataset;
    quarter: number | null;
    daysOverdue: number | null;
  }[];
};

export type Screen = {
  region: RegionPath;
  period: Period;
  version: string;
  asOf: string | null;
  demo: boolean;
  slides: ScreenSlide[];
  approvals: ScreenApproval[];
  /** Null where the caller may not list another region's missing reports. */
  outstanding: ScreenOutstanding | null;
};

export type DataVersion = { version: string };

export const dataVersionKey = ["data-version"] as const;
export const fetchDataVersion = () => getJson<DataVersion>("/api/data-version");

export const screenKey = (region: string | undefined) => ["screen", region ?? "home"] as const;
export const screenDataQuery = (region: string | undefined) =>
  queryOptions({
    queryKey: screenKey(region),
    queryFn: () => getJson<Screen>(`/api/screen${region ? `?region=${region}` : ""}`),
  });
