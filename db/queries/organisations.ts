import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  measureOfType,
  type OrganisationCounts,
  type OrganisationMeasure,
  type OrganisationRecord,
  type OrganisationRecords,
  type OrganisationsView,
  organisationMeasures,
} from "@/lib/api/organisations";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, canWriteFigures, type Principal } from "@/lib/auth/permissions";
import { todayInChina } from "@/lib/calendar";
import { mayFormCommittee, parseJointUnits, shouldSplit, termOf, unitsNeedingOwn } from "@/lib/terms";
import type { Db } from "../connect";
import { organisations, regions, villages } from "../schema";
import { RECORDS_PAGE_SIZE } from "./records";
import { getRegionPath } from "./regions";
import { childOf, childRegionsOf, comparisonRows, r, within } from "./rollup";
import { namesVisibleIn } from "./scope";

/*
 * 基层党组织: the board and its lists. A term's status depends on the day it is judged as of and on
 * the rules of lib/terms.ts (the type, the unit's type, an approved adjustment held to one year), so
 * the rows of the region's part of the tree are read in one query and judged there, the same code
 * that checks an upload's row and makes the reminders; a whole autonomous region is a few thousand
 * rows. An organisation belongs to the region that reported it; a league's counts include its banners'.
 */

const o = organisations;
const tw = alias(regions, "tw");

async function judged(db: Db, viewer: Principal, region: string, depth: number, asOf: string) {
  const visible = namesVisibleIn("organisations", viewer, r.ancestors);
  const list = await db
    .select({
      id: o.id,
      regionCode: o.regionCode,
      regionName: r.nameZh,
      regionNameEn: r.nameEn,
      ancestors: r.ancestors,
      child: sql<string>`${childOf(depth, r)}`,
      name: o.name,
      type: o.type,
      unit: o.unit,
      unitType: o.unitType,
      townshipCode: o.townshipCode,
      townshipName: tw.nameZh,
      villageName: villages.nameZh,
      parentOrganisation: o.parentOrganisation,
      members: o.members,
      electedOn: o.electedOn,
      secretary: sql<string | null>`case when ${visible} then ${o.secretary} end`,
      namesHidden: sql<boolean>`not ${visible}`.mapWith(Boolean),
      adjustment: o.adjustment,
      adjustmentReason: o.adjustmentReason,
      adjustmentApprover: o.adjustmentApprover,
      adjustedEndsOn: o.adjustedEndsOn,
      jointUnits: o.jointUnits,
    })
    .from(o)
    .innerJoin(r, eq(r.code, o.regionCode))
    .leftJoin(tw, eq(tw.code, o.townshipCode))
    .leftJoin(villages, eq(villages.code, o.villageCode))
    .where(within(region, r.ancestors))
    .orderBy(o.regionCode, o.name, o.id);
  return list.map(({ ancestors, ...row }) => {
    const term = termOf(
      {
        type: row.type,
        unitType: row.unitType,
        electedOn: row.electedOn,
        adjustment: row.adjustment && row.adjustedEndsOn ? { type: row.adjustment, endsOn: row.adjustedEndsOn } : null,
      },
      asOf,
    );
    const joint = row.jointUnits ? (parseJointUnits(row.jointUnits) ?? []) : [];
    return {
      ...row,
      ...term,
      unitsNeedingOwn: unitsNeedingOwn(joint).map((u) => u.unit),
      shouldSplit: shouldSplit(row.type, row.members),
      mayFormCommittee: mayFormCommittee(row.type, row.members),
      editable: canWriteFigures(viewer, ancestors),
    };
  });
}
type Judged = Awaited<ReturnType<typeof judged>>[number];

/** Whether an organisation is counted by a measure (`missing`: it has units needing their own). */
export function counts(org: Judged, measure: OrganisationMeasure): boolean {
  switch (measure) {
    case "all":
      return true;
    case "committee":
    case "general_branch":
    case "branch":
      return measureOfType[org.type] === measure;
    case "due":
      return org.status === "即将届满";
    case "overdue":
      return org.status === "逾期未换届";
    case "extended":
      return org.status === "已延期";
    case "missing":
      return org.unitsNeedingOwn.length > 0;
    case "split":
      return org.shouldSplit;
    case "may_form_committee":
      return org.mayFormCommittee;
  }
}

function countsOf(list: Judged[]): OrganisationCounts {
  const out = Object.fromEntries(organisationMeasures.map((m) => [m, 0])) as OrganisationCounts;
  for (const org of list) {
    for (const m of organisationMeasures)
      if (counts(org, m)) out[m] += m === "missing" ? org.unitsNeedingOwn.length : 1;
  }
  return out;
}

/** The board of a region as of a day (default: today in China). Null for an unknown region. */
export async function getOrganisations(
  db: Db,
  viewer: Principal,
  { region, asOf = todayInChina() }: { region: string; asOf?: string },
): Promise<OrganisationsView | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const depth = path.path.length;
  const [list, children] = await Promise.all([
    judged(db, viewer, region, depth, asOf),
    childRegionsOf(db, region, { from: asOf, until: "9999-12-31" }),
  ]);
  const of = (code: string) => countsOf(list.filter((org) => org.child === code));
  const townships = new Map<string | null, Judged[]>();
  if (path.level === "county" || path.level === "functional_zone") {
    for (const org of list) townships.set(org.townshipCode, [...(townships.get(org.townshipCode) ?? []), org]);
  }
  return {
    region: path,
    asOf,
    total: countsOf(list),
    own: of(region),
    children: comparisonRows(path, children, of, (c) => c.all > 0),
    townships:
      townships.size > 1 || (townships.size === 1 && !townships.has(null))
        ? [...townships]
            .map(([code, orgs]) => ({ code, nameZh: orgs[0].townshipName, ...countsOf(orgs) }))
            // Code order, the organisations without a township last.
            .sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : 1))
        : [],
  };
}

/**
 * One page of a region's organisations (everything below it included) that a measure counts, as
 * of a day, optionally of one township. Every signed-in user may list them (an organisation's name
 * is no person's); the secretary's name only inside the caller's name scope. Null for an unknown region.
 */
export async function listOrganisations(
  db: Db,
  viewer: Principal,
  {
    region,
    asOf = todayInChina(),
    measure = "all",
    township,
    page = 1,
  }: { region: string; asOf?: string; measure?: OrganisationMeasure; township?: string; page?: number },
): Promise<OrganisationRecords | null> {
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const list = (await judged(db, viewer, region, path.path.length, asOf)).filter(
    (org) => counts(org, measure) && (township === undefined || org.townshipCode === township),
  );
  const rows: OrganisationRecord[] = list
    .slice((page - 1) * RECORDS_PAGE_SIZE, page * RECORDS_PAGE_SIZE)
    .map(({ child: _child, townshipCode: _township, ...org }) => org);
  return { rows, total: list.length, pageSize: RECORDS_PAGE_SIZE, asOf };
}

/** The reminders' candidates: every organisation with its effective end (db/mutations/notices.ts). */
export async function organisationTerms(db: Db) {
  const list = await db
    .select({
      id: o.id,
      regionCode: o.regionCode,
      name: o.name,
      type: o.type,
      unitType: o.unitType,
      electedOn: o.electedOn,
      adjustment: o.adjustment,
      adjustedEndsOn: o.adjustedEndsOn,
    })
    .from(o);
  return list;
}

/** The part of the tree's organisations as of a day: the overview's and the profile's card, the report's paragraph. */
export async function organisationSummary(db: Db, region: string, asOf = todayInChina()) {
  // Counts only: nobody's name is read, and no caller's scope applies to a count.
  const list = await judged(db, { role: "viewer", regionCode: region }, region, 1, asOf);
  const c = countsOf(list);
  return { asOf, total: c.all, due: c.due, overdue: c.overdue, extended: c.extended, missing: c.missing };
}
