import { queryOptions } from "@tanstack/react-query";
import type { OrganisationType, TermAdjustment, UnitType } from "@/lib/contract";
import type { TermStatus } from "@/lib/terms";
import type { ChildRegion, RegionPath } from "@/lib/types";
import { getJson, HOME_REGION, sendJson } from "./client";

/**
 * GET /api/organisations (the board), GET /api/organisations/records (the list a count opens) and
 * POST /api/organisations/<id>/term (an approved extension or early election): 基层党组织.
 */

/** What a count of the board counts, and what the list is narrowed to (the URL's `measure`). */
export const organisationMeasures = [
  "all",
  "committee",
  "general_branch",
  "branch",
  "due",
  "overdue",
  "extended",
  "missing",
  "split",
  "may_form_committee",
] as const;
export type OrganisationMeasure = (typeof organisationMeasures)[number];
export const measureOfType: Record<OrganisationType, OrganisationMeasure> = {
  党委: "committee",
  党总支: "general_branch",
  党支部: "branch",
};

/**
 * The counts of a part of the tree: organisations per measure. `missing` counts units (of joint
 * branches) with three or more full members and no organisation of their own; the others count
 * organisations.
 */
export type OrganisationCounts = Record<OrganisationMeasure, number>;

export type OrganisationsView = {
  region: RegionPath;
  /** The day the terms are judged as of. */
  asOf: string;
  total: OrganisationCounts;
  own: OrganisationCounts;
  children: (ChildRegion & OrganisationCounts)[];
  /** A banner's organisations per township, where records name one (the rest: `code` null). */
  townships: ({ code: string | null; nameZh: string | null } & OrganisationCounts)[];
};

export type OrganisationRecord = {
  id: number;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  name: string;
  type: OrganisationType;
  unit: string;
  unitType: UnitType;
  townshipName: string | null;
  villageName: string | null;
  parentOrganisation: string | null;
  members: number;
  electedOn: string;
  /** Only inside the caller's name scope (null outside it). */
  secretary: string | null;
  namesHidden: boolean;
  years: number;
  computedEnd: string;
  endsOn: string;
  status: TermStatus;
  extended: boolean;
  adjustment: TermAdjustment | null;
  adjustmentReason: string | null;
  adjustmentApprover: string | null;
  adjustedEndsOn: string | null;
  jointUnits: string | null;
  /** Units of a joint branch with three or more full members: each should have its own organisation. */
  unitsNeedingOwn: string[];
  shouldSplit: boolean;
  mayFormCommittee: boolean;
  /** The caller may record an approved adjustment of its term. */
  editable: boolean;
};

export type OrganisationRecords = { rows: OrganisationRecord[]; total: number; pageSize: number; asOf: string };

export type OrganisationFilters = { region?: string; asOf?: string };
export type OrganisationListFilters = OrganisationFilters & {
  measure?: OrganisationMeasure;
  township?: string;
  page?: number;
};

function search(values: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (
      value !== undefined &&
      value !== "" &&
      !(key === "page" && value === 1) &&
      !(key === "measure" && value === "all")
    )
      query.set(key, String(value));
  }
  const s = query.toString();
  return s ? `?${s}` : "";
}

export const organisationsSearch = (f: OrganisationListFilters) =>
  search({ region: f.region, asOf: f.asOf, measure: f.measure, township: f.township, page: f.page });

export const organisationsKey = (f: OrganisationFilters) =>
  ["organisations", f.region ?? HOME_REGION, f.asOf ?? "today"] as const;

export const organisationsQuery = (f: OrganisationFilters) =>
  queryOptions({
    queryKey: organisationsKey(f),
    queryFn: () => getJson<OrganisationsView>(`/api/organisations${search({ region: f.region, asOf: f.asOf })}`),
  });

export const organisationRecordsQuery = (f: OrganisationListFilters) =>
  queryOptions({
    queryKey: [
      "organisation_records",
      f.region ?? HOME_REGION,
      f.asOf ?? "today",
      f.measure ?? "all",
      f.township ?? "",
      f.page ?? 1,
    ] as const,
    queryFn: () => getJson<OrganisationRecords>(`/api/organisations/records${organisationsSearch(f)}`),
  });

export type TermAdjustmentInput = { type: TermAdjustment; reason: string; approver: string; endsOn: string };

export const recordTermAdjustment = (id: number, input: TermAdjustmentInput) =>
  sendJson<{ id: number; endsOn: string }>(`/api/organisations/${id}/term`, input);
