import type { ArenaLevel } from "./contract";
import type { Period } from "./view";

/** Shapes of the JSON API, shared by the queries that produce them and the pages that read them. */

export type RegionLevel = "autonomous_region" | "prefecture" | "county" | "functional_zone" | "township";
export type RegionRef = { code: string; nameZh: string; nameEn: string | null; level: RegionLevel };
export type RegionPath = RegionRef & {
  /** From the root down to the region itself. */
  path: RegionRef[];
  /** Regions that report figures under this one and can be drilled into. */
  hasChildren: boolean;
};

export type PromotionTotals = { frontline: number; total: number; share: number | null };
export type ArenaTotals = { entries: number; byLevel: Record<ArenaLevel, number> };
export type ProjectTotals = { projects: number; cadres: number; plannedInvestment: number; fundsInPlace: number };
export type Figures = { promotions: PromotionTotals; arena: ArenaTotals; projects: ProjectTotals };
/** A region a dashboard compares: one of the viewed region's children, or its own level (本级). */
export type ChildRegion = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** The viewed region's own figures (本级), as opposed to a subordinate region's. */
  own: boolean;
  drillable: boolean;
};
export type ChildFigures = Figures & ChildRegion;
/** One child region's row of the reporting board; `cells` keys are `promotions:1` … `adjustments:4`, `arena`, `projects`, `indicators`. */
export type ReportingRow = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** The viewed region's own row (本级). */
  own: boolean;
  /** Regions in this part of the tree that report figures (1 for a banner). */
  expected: number;
  cells: Record<string, number>;
  /** Per cell, the reporting regions whose report waits for review or was returned (not yet counted in `cells`). */
  states: Record<string, { pending: number; returned: number }>;
};

/** How many of the reports a period expects are in; complete when reported >= expected. */
export type Completeness = { reported: number; expected: number };

/** The datasets of the overview's cards. */
export type HeadlineDataset = "promotions" | "arena" | "projects";

/** A dataset's reports for the period shown, in total and per child, and how its change is compared. */
export type DatasetCompleteness = {
  total: Completeness;
  byChild: Record<string, Completeness>;
  /** The previous period was counted over only the reports that are in now (同口径比较). */
  likeForLike: boolean;
};

/**
 * The evaluation and development datasets of a region and period (db/queries/cadre-summary.ts).
 * A share is null where fewer than 3 people are behind it.
 */
export type CadreSummary = {
  evaluations: { evaluated: number; excellentShare: number | null; special: number };
  /** `moved`: graded 不适岗 and then moved (调整岗位) or dismissed or demoted (免职/降职). */
  jobFit: { assessed: number; unfit: number; moved: number; unfitShare: number | null };
  youngCadres: { selected: number; promoted: number };
  selections: { teams: number; cadres: number };
  routine: { contactPoints: number; assessed: number; goodShare: number | null };
  /** 政治生日: organisations that reported, members due and celebrated, celebrated / due. */
  care: { units: number; due: number; celebrated: number; coverage: number | null };
  /** 基层党组织 as of a day (a register, not a period's report): how many, and those asking for action. */
  organisations: { asOf: string; total: number; due: number; overdue: number; extended: number; missing: number };
};

export type Overview = {
  region: RegionPath;
  period: Period;
  /** The period the cards compare with: the year before, or the years just before a range. */
  previousPeriod: Period;
  /** The year of the reporting board (a range's last year). */
  year: number;
  years: number[];
  demo: boolean;
  totals: Figures;
  /**
   * The same totals for the previous period, for the change shown on the cards (null without
   * figures then), counted like for like: over only the reports that are in for the period shown.
   */
  previous: Figures | null;
  completeness: Record<HeadlineDataset, DatasetCompleteness>;
  children: ChildFigures[];
  reporting: ReportingRow[];
  /** The board's columns ("promotions:4", "arena") whose reporting period is past its deadline. */
  overdue: Record<string, { dueOn: string; days: number }>;
  /** The evaluation and development datasets of the region (含下级) in the period. */
  cadres: CadreSummary;
};

/** What a page says when the link it was opened with could not be followed as it stands. */
export type ViewNotice =
  | { kind: "badParameters"; parameters: string }
  | { kind: "unknownRegion"; code: string; home: { nameZh: string; nameEn: string | null } };
