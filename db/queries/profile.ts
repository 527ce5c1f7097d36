import { and, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Scorecard } from "@/lib/api/indicators";
import type { ProfileChild, ProfileFigures, ProfileScorecard, RegionProfile } from "@/lib/api/profile";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type ArenaLevel, arenaLevels, type ProjectStage, projectStages } from "@/lib/contract";
import type { ProjectTotals } from "@/lib/types";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { arenaCounts, indicators, projects } from "../schema";
import { getAdjustments } from "./adjustments";
import { zeros } from "./breakdown";
import { cadreSummary } from "./cadre-summary";
import { getCycleFigures } from "./cycle";
import { getScorecard } from "./indicators";
import { getPromotions } from "./promotions";
import { periodDays } from "./records";
import { r, scopeCte } from "./rollup";
import { distinctCadres, rows } from "./sql";

type Key = { child: string | null };

const c = alias(arenaCounts, "c");
const p = alias(projects, "p");

/**
 * Arena entries and projects of a region and period, per child region and in total, in SQL: the
 * overview's roll-up (a figure rolls up to the viewed region's child it lies under, or to the
 * region itself, 本级) for any period rather than one year. Arena contests are yearly, so a quarter
 * counts its year's entries. Distinct cadres are counted per group, never added across groups
 * (one cadre may lead projects in two banners).
 */
async function arenaAndProjects(db: Db, region: string, depth: number, period: Period) {
  const years = periodYears(period);
  const days = periodDays(period);
  const scope = scopeCte(region, depth);
  const [arena, projectRows] = await Promise.all([
    rows<Key & { level: ArenaLevel | null; entries: number }>(
      db,
      // arena_counts (kept by triggers), as every other arena figure is read.
      sql`with ${scope}
          select s.child, ${c.level} as level, sum(${c.entries})::int as entries
          from arena_counts c join scope s on s.code = ${c.regionCode}
          where ${c.year} between ${years.from} and ${years.to}
          group by grouping sets ((s.child, ${c.level}), (s.child), (${c.level}), ())`,
    ),
    rows<Key & ProjectTotals & { stage: ProjectStage | null }>(
      db,
      sql`with ${scope}
          select s.child, ${p.stage} as stage, count(*)::int as projects,
                 ${distinctCadres(p)}::int as cadres,
                 coalesce(sum(${p.plannedInvestment}), 0)::float8 as "plannedInvestment",
                 coalesce(sum(${p.fundsInPlace}), 0)::float8 as "fundsInPlace"
          from projects p join scope s on s.code = ${p.regionCode}
          where ${p.takenOn} >= ${days.from} and ${p.takenOn} < ${days.until}
          group by grouping sets ((s.child), (${p.stage}), ())`,
    ),
  ]);
  const arenaOf = (child: string | null) => {
    const byLevel = zeros(arenaLevels);
    for (const r of arena) if (r.child === child && r.level !== null) byLevel[r.level] = r.entries;
    const entries = arena.find((r) => r.child === child && r.level === null)?.entries ?? 0;
    return { entries, byLevel };
  };
  // A (child) row has stage null; a (stage) row has child null; the grand total has both null.
  const projectsOf = (child: string | null): ProjectTotals => {
    const row = projectRows.find((r) => r.child === child && r.stage === null);
    return {
      projects: row?.projects ?? 0,
      cadres: row?.cadres ?? 0,
      plannedInvestment: row?.plannedInvestment ?? 0,
      fundsInPlace: row?.fundsInPlace ?? 0,
    };
  };
  const byStage = zeros(projectStages);
  for (const r of projectRows) if (r.child === null && r.stage !== null) byStage[r.stage] = r.projects;
  return { arenaOf, projectsOf, byStage };
}

/**
 * The scorecard shown for a period: a quarter's own figures for a quarter; for a year (a range: its
 * last year) the whole-year figures where the region reported them, else its latest quarter of
 * that year; a region that reported nothing itself (the autonomous region) gets the period its
 * children reported, so their column of the table still means something. The periods are one
 * small grouped read, so getScorecard runs once.
 */
async function scorecardFor(db: Db, viewer: Principal, region: string, period: Period): Promise<Scorecard | null> {
  if (period.kind === "quarter") return getScorecard(db, viewer, { region, period });
  const year = period.kind === "range" ? period.to : period.year;
  const i = alias(indicators, "i");
  const periods = await db
    .select({ quarter: i.quarter, own: sql<boolean>`bool_or(${i.regionCode} = ${region})`.mapWith(Boolean) })
    .from(i)
    .innerJoin(r, eq(r.code, i.regionCode))
    .where(and(or(eq(r.code, region), eq(r.parentCode, region)), eq(i.year, year)))
    .groupBy(i.quarter);
  const candidates = periods.some((p) => p.own) ? periods.filter((p) => p.own) : periods;
  const quarter = candidates.some((p) => p.quarter === null)
    ? null
    : (candidates.map((p) => p.quarter as number).sort((x, y) => y - x)[0] ?? null);
  return getScorecard(db, viewer, {
    region,
    period: quarter === null ? { kind: "year", year } : { kind: "quarter", year, quarter },
  });
}

/**
 * 地区概况: one region across every dataset for a period, 含下级 and 本级, and each of its child
 * regions' key figures. Built from the dashboards' own queries (promotions and adjustments by
 * getPromotions/getAdjustments, the scorecard by getScorecard), so the profile and the dashboard
 * pages cannot disagree; only arena entries and projects per child for any period are read here.
 * Null for an unknown region.
 */
export async function getRegionProfile(
  db: Db,
  viewer: Principal,
  { region, period }: { region: string; period?: Period },
): Promise<RegionProfile | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const promotions = await getPromotions(db, viewer, { region, period });
  if (!promotions) return null;
  const shown = promotions.period;
  const path = promotions.region;
  const [adjustments, counted, scorecard, cadres, cycle] = await Promise.all([
    getAdjustments(db, viewer, { region, period: shown }),
    arenaAndProjects(db, region, path.path.length, shown),
    scorecardFor(db, viewer, region, shown),
    cadreSummary(db, region, shown),
    getCycleFigures(db, viewer, { region, period: shown }),
  ]);
  if (!adjustments || !scorecard) return null;

  const promotionsOf = new Map(promotions.children.map((c) => [`${c.code}:${c.own}`, c]));
  const adjustmentsOf = new Map(adjustments.children.map((c) => [`${c.code}:${c.own}`, c]));
  const figuresOf = (code: string, own: boolean): ProfileFigures => {
    const p = own ? promotions.own : promotionsOf.get(`${code}:false`);
    const a = own ? adjustments.own : adjustmentsOf.get(`${code}:false`);
    return {
      promotions: { frontline: p?.frontline ?? 0, total: p?.total ?? 0, share: p?.share ?? null },
      arena: counted.arenaOf(code),
      projects: counted.projectsOf(code),
      adjustments: { down: a?.down ?? 0, up: a?.up ?? 0 },
    };
  };
  const indicatorsOf = (code: string) => {
    const reported = Object.values(scorecard.across).flatMap((list) => list.filter((f) => f.code === code));
    return {
      reported: reported.length,
      targeted: reported.filter((f) => f.status !== "none").length,
      met: reported.filter((f) => f.status === "met").length,
    };
  };

  const own = figuresOf(region, true);
  const ownIndicators = indicatorsOf(region);
  // The child regions of the period's years, as the promotions breakdown lists them.
  const children: ProfileChild[] = promotions.children
    .filter((c) => !c.own)
    .map(({ code, nameZh, nameEn, drillable }) => ({
      code,
      nameZh,
      nameEn,
      drillable,
      own: false,
      ...figuresOf(code, false),
      indicators: indicatorsOf(code),
    }));
  const ownReported =
    own.promotions.total + own.arena.entries + own.projects.projects + own.adjustments.down + own.adjustments.up > 0 ||
    ownIndicators.reported > 0;
  if (ownReported && children.length > 0) {
    children.unshift({
      code: region,
      nameZh: path.nameZh,
      nameEn: path.nameEn,
      own: true,
      drillable: false,
      ...own,
      indicators: ownIndicators,
    });
  }
  const profileScorecard: ProfileScorecard = {
    year: scorecard.year,
    quarter: scorecard.quarter,
    figures: scorecard.figures,
    children: Object.entries(scorecard.across)
      .map(([indicator, list]) => {
        const reported = list.filter((f) => !f.own);
        return {
          indicator,
          reported: reported.length,
          targeted: reported.filter((f) => f.status !== "none").length,
          met: reported.filter((f) => f.status === "met").length,
        };
      })
      .filter((row) => row.reported > 0),
  };
  return {
    region: path,
    period: shown,
    years: promotions.years,
    totals: {
      promotions: promotions.total,
      arena: counted.arenaOf(null),
      projects: { ...counted.projectsOf(null), byStage: counted.byStage },
      adjustments: adjustments.total,
    },
    own,
    scorecard: profileScorecard,
    children,
    cadres,
    cycle,
  };
}
