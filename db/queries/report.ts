import type { ArenaPeriod } from "@/lib/api/arena";
import { PAGE_METRICS } from "@/lib/api/rankings";
import { type PeerRank, peerMetrics, type ReportData } from "@/lib/api/reports";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, inScope, outstandingScope, type Principal } from "@/lib/auth/permissions";
import type { Period } from "@/lib/view";
import type { Db } from "../connect";
import { getAdjustments } from "./adjustments";
import { getArenaBoard } from "./arena";
import { getCycleFigures } from "./cycle";
import { getScorecard } from "./indicators";
import { dataAsOf } from "./meta";
import { getOverview } from "./overview";
import { getProjectStats } from "./project-stats";
import { getPromotions } from "./promotions";
import { getRankings } from "./rankings";
import { outstandingReports } from "./reporting";

/**
 * A 情况通报 of a region and period (default: the latest year with figures): the answers of the
 * dashboards' own queries for that view, so that every figure of the text is one the dashboards
 * show. Null for an unknown region.
 */
export async function getReport(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<ReportData | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const overview = await getOverview(db, viewer, { region, period });
  if (!overview) return null;
  const shown = overview.period;
  const year = shown.kind === "range" ? shown.to : shown.year;
  // Arena entries are yearly: a quarter's report counts its year's contests, as the overview does.
  const arenaPeriod: ArenaPeriod = shown.kind === "range" ? shown : { kind: "year", year };
  const path = overview.region.path;
  const parent = path.length > 1 ? path[path.length - 2] : null;
  const [promotions, adjustments, arena, projects, scorecard, asOf, peerRankings, rankings, outstanding, cycle] =
    await Promise.all([
      getPromotions(db, viewer, { region, period: shown }),
      getAdjustments(db, viewer, { region, period: shown }),
      getArenaBoard(db, viewer, { region, period: arenaPeriod }),
      getProjectStats(db, viewer, { region, period: shown }),
      getScorecard(db, viewer, { region, period: shown.kind === "range" ? { kind: "year", year } : shown }),
      dataAsOf(db),
      parent ? getRankings(db, viewer, { region: parent.code, period: shown, metrics: peerMetrics }) : null,
      overview.region.hasChildren
        ? getRankings(db, viewer, { region, period: shown, metrics: PAGE_METRICS.overview })
        : null,
      inScope(
        outstandingScope(viewer),
        path.map((p) => p.code),
      )
        ? outstandingReports(db, viewer, { region, year })
        : null,
      getCycleFigures(db, viewer, { region, period: shown }),
    ]);
  if (!promotions || !adjustments || !arena || !projects || !scorecard) return null;
  // A year without whole-year indicators reports its latest quarter's, as the scorecard page does.
  const latestQuarter = Math.max(0, ...scorecard.periods.filter((q) => q !== null));
  const indicators =
    scorecard.figures.length === 0 && shown.kind !== "quarter" && latestQuarter > 0
      ? await getScorecard(db, viewer, { region, period: { kind: "quarter", year, quarter: latestQuarter } })
      : scorecard;
  if (!indicators) return null;
  // The ranks the text states are the ranking tables' own: the region's row in its parent's ranking.
  const peers =
    peerRankings &&
    (Object.fromEntries(
      peerMetrics.map((metric, i) => {
        const ranked = peerRankings[i]?.rows.filter((r) => r.rank !== null) ?? [];
        return [metric, { rank: ranked.find((r) => r.code === region)?.rank ?? null, of: ranked.length }];
      }),
    ) as Record<(typeof peerMetrics)[number], PeerRank>);
  return {
    overview,
    promotions,
    adjustments,
    arena,
    projects,
    cycle,
    indicators,
    parent,
    peers,
    rankings: rankings ?? [],
    outstanding,
    asOf: asOf?.toISOString() ?? null,
  };
}
