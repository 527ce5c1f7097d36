import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ProjectGrade, ProjectStage, ProjectUse } from "@/lib/contract";
import { dashboardSearch, type Period } from "@/lib/view";
import { dashboardKey, getJson } from "./client";

/**
 * 揭榜挂帅 as a cycle: GET /api/cycle (the figures of 设榜 → 揭榜 → 项目 → 跟榜 → 评榜),
 * GET /api/cycle/applications and /api/cycle/issues (the records, a page at a time) and
 * GET /api/projects/<code>/history (one project's whole history).
 */

export type CycleChild = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  own: boolean;
  posted: number;
  taken: number;
  applicants: number;
  projects: number;
  producing: number;
  openIssues: number;
  solvedIssues: number;
  medianDays: number | null;
  evaluated: number;
  excellent: number;
};

export type CycleFigures = {
  challenges: { posted: number; taken: number; open: number; closed: number; targetInvestment: number };
  byChain: { chain: string; posted: number; taken: number; open: number }[];
  /** Applications filed; applicants are distinct cadres (name and unit), not applications. */
  applications: { applications: number; applicants: number; challenges: number; projects: number };
  /** Projects taken in the period that have reached each stage (a stage implies every one before it). */
  stages: { stage: ProjectStage; projects: number }[];
  fundsInPlace: number;
  issues: { raised: number; open: number; solved: number; medianDays: number | null; meanDays: number | null };
  evaluations: {
    evaluated: number;
    byGrade: { grade: ProjectGrade; projects: number }[];
    byUse: { use: ProjectUse; projects: number }[];
  };
  /** Per child region (and the region's own 本级 row where it has figures): the roll-up. */
  children: CycleChild[];
};

export type CycleApplication = {
  challengeCode: string;
  challengeTitle: string | null;
  chain: string | null;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  applicant: string | null;
  applicantUnit: string | null;
  appliedOn: string;
  projectCode: string | null;
  namesHidden: boolean;
};
export type CycleApplicationList = { rows: CycleApplication[]; total: number };

export type CycleIssue = {
  projectCode: string;
  projectName: string | null;
  issue: string;
  department: string | null;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  raisedOn: string;
  solvedOn: string | null;
  status: string;
  days: number | null;
};
export type CycleIssueList = { rows: CycleIssue[]; total: number };

export type ProjectHistory = {
  project: {
    code: string;
    name: string;
    industryChain: string | null;
    regionCode: string;
    regionName: string;
    regionNameEn: string | null;
    leadCadre: string | null;
    cadreUnit: string | null;
    takenOn: string;
    stage: string;
    plannedInvestment: number | null;
    fundsInPlace: number | null;
    namesHidden: boolean;
  };
  challenge: {
    code: string;
    title: string;
    industryChain: string;
    department: string | null;
    postedOn: string;
    targetInvestment: number | null;
    targetJobs: number | null;
    status: string;
  } | null;
  applications: {
    id: number;
    applicant: string | null;
    applicantUnit: string | null;
    appliedOn: string;
    chosen: boolean;
    namesHidden: boolean;
  }[];
  stages: { stage: string; reachedOn: string }[];
  issues: {
    issue: string;
    department: string | null;
    raisedOn: string;
    solvedOn: string | null;
    status: string;
    days: number | null;
  }[];
  evaluations: { year: number; grade: string; use: string; evaluator: string | null }[];
};

type View = { region: string; period?: Period };

export const cycleQuery = (filters: View) =>
  queryOptions({
    queryKey: dashboardKey("cycle", filters, "all"),
    queryFn: () => getJson<CycleFigures>(`/api/cycle${dashboardSearch(filters)}`),
  });

export const cycleApplicationsQuery = (filters: View & { page: number }) =>
  queryOptions({
    queryKey: [...dashboardKey("cycle-applications", filters, "all"), filters.page] as const,
    queryFn: () =>
      getJson<CycleApplicationList>(`/api/cycle/applications${dashboardSearch(filters, { page: filters.page })}`),
    placeholderData: keepPreviousData,
  });

export const cycleIssuesQuery = (filters: View & { page: number }) =>
  queryOptions({
    queryKey: [...dashboardKey("cycle-issues", filters, "all"), filters.page] as const,
    queryFn: () => getJson<CycleIssueList>(`/api/cycle/issues${dashboardSearch(filters, { page: filters.page })}`),
    placeholderData: keepPreviousData,
  });

export const projectHistoryQuery = (code: string) =>
  queryOptions({
    queryKey: ["project-history", code] as const,
    queryFn: () => getJson<ProjectHistory>(`/api/projects/${encodeURIComponent(code)}/history`),
  });
