import { and, desc, eq, sql } from "drizzle-orm";
import { PAGE_METRICS, type Ranking, type RankingMetric } from "@/lib/api/rankings";
import { type Screen, type ScreenOutstanding, type ScreenSlide, screenSlides } from "@/lib/api/screen";
import { AccessDenied } from "@/lib/auth/errors";
import type { Principal } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { regions, reportingPeriods, submissions } from "../schema";
import { cadreSummary } from "./cadre-summary";
import { dataAsOf, dataVersion, hasDemoData } from "./meta";
import { getOutstanding } from "./outstanding";
import { getRankings } from "./rankings";

const APPROVALS_SHOWN = 8;
const OUTSTANDING_SHOWN = 10;

/**
 * Everything the wall screen rotates through for one region, in one answer: per dataset its
 * headline figures and the ranking of the region's children (the rankings' own query), the
 * reports published lately and those still missing. Only aggregates and region names: the
 * screen hangs where anyone reads it. Null for an unknown region.
 */
export async function getScreen(db: Db, viewer: Principal, { region }: { region: string }): Promise<Screen | null> {
  const metrics = [...new Set(screenSlides.flatMap((key) => PAGE_METRICS[key]))];
  const rankings = await getRankings(db, viewer, { region, metrics });
  if (!rankings) return null;
  const byMetric = new Map(rankings.map((r) => [r.metric, r]));
  const { region: path, period } = rankings[0];
  const [summary, approvals, outstanding, version, asOf, demo] = await Promise.all([
    cadreSummary(db, region, period),
    latestApprovals(db, region),
    outstandingOf(db, viewer, region),
    dataVersion(db),
    dataAsOf(db),
    hasDemoData(db),
  ]);

  // A count adds up over the region's own row and its children (they partition it); a share
  // does not, so shares come from the region's summary, or are left out where none is kept.
  const sum = (metric: RankingMetric) =>
    (byMetric.get(metric) as Ranking).rows.reduce((total, row) => total + (row.value ?? 0), 0);
  const total = (metric: RankingMetric): number | null => {
    switch (metric) {
      case "frontlineShare": {
        const all = sum("promotions");
        return all > 0 ? sum("frontline") / all : null;
      }
      case "evaluationExcellentShare":
        return summary.evaluations.excellentShare;
      case "routineGoodShare":
        return summary.routine.goodShare;
      case "careCoverageShare":
        return summary.care.coverage;
      case "jobFitShare":
      case "issuesSolvedShare":
        return null;
      default:
        return sum(metric);
    }
  };

  const slides: ScreenSlide[] = screenSlides.map((key) => {
    const ranking = byMetric.get(PAGE_METRICS[key][0]) as Ranking;
    return {
      key,
      figures: PAGE_METRICS[key].map((metric) => ({ metric, value: total(metric) })),
      ranking,
      completeness: ranking.completeness,
    };
  });
  return {
    region: path,
    period,
    version,
    asOf: asOf?.toISOString() ?? null,
    demo,
    slides,
    approvals,
    outstanding,
  };
}

/** The latest approved reports of the region and everything below it: region, dataset, period and time. */
async function latestApprovals(db: Db, region: string): Promise<Screen["approvals"]> {
  const found = await db
    .select({
      regionCode: submissions.regionCode,
      nameZh: regions.nameZh,
      nameEn: regions.nameEn,
      dataset: submissions.dataset,
      year: reportingPeriods.year,
      quarter: reportingPeriods.quarter,
      at: submissions.reviewedAt,
    })
    .from(submissions)
    .innerJoin(regions, eq(regions.code, submissions.regionCode))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, submissions.periodId))
    .where(and(eq(submissions.status, "approved"), sql`${region} = any(${regions.ancestors})`))
    .orderBy(desc(submissions.reviewedAt))
    .limit(APPROVALS_SHOWN);
  return found.map((row) => ({ ...row, at: (row.at as Date).toISOString() }));
}

/** The year's missing reports, counted per dataset, the longest overdue first; null outside the caller's reach. */
async function outstandingOf(db: Db, viewer: Principal, region: string): Promise<ScreenOutstanding | null> {
  let view: Awaited<ReturnType<typeof getOutstanding>>;
  try {
    view = await getOutstanding(db, viewer, { region });
  } catch (error) {
    if (error instanceof AccessDenied) return null;
    throw error;
  }
  if (!view) return null;
  const counts = new Map<ScreenOutstanding["byDataset"][number]["dataset"], number>();
  for (const row of view.rows) counts.set(row.dataset, (counts.get(row.dataset) ?? 0) + 1);
  const rows = [...view.rows]
    .sort((a, b) => (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) || a.code.localeCompare(b.code))
    .slice(0, OUTSTANDING_SHOWN)
    .map(({ code, nameZh, nameEn, dataset, quarter, daysOverdue }) => ({
      code,
      nameZh,
      nameEn,
      dataset,
      quarter,
      daysOverdue,
    }));
  return {
    year: view.year,
    total: view.rows.length,
    byDataset: [...counts].map(([dataset, count]) => ({ dataset, count })),
    rows,
  };
}
