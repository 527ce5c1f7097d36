import { type Dataset, isPersonnelDataset } from "@/lib/contract";

/**
 * The access rules, deny by default. Pure functions of the caller and the target region's
 * ancestors (root first, the region itself last), so they can be tested as a table and applied
 * the same way by every query and mutation. Queries that filter in SQL take the same rules as a
 * `Scope` (db/queries/scope.ts turns one into a condition), so a rule is written once.
 */
/** The autonomous region: the root of the region tree, whose users see all of it. */
export const ROOT_REGION = "150000";

/**
 * `display`: the account of a wall screen (/screen). It may open only the screen and the APIs
 * the screen reads (server/api-route.ts, server/auth/page.ts), and sees no names anywhere.
 */
export const roles = ["viewer", "clerk", "admin", "display"] as const;
export type Role = (typeof roles)[number];

/** A wall screen's account: its session opens /screen and nothing else. */
export function isDisplay(who: Principal): boolean {
  return who.role === "display";
}

/** `personnel`: may read named personnel evaluations (personnelScope); granted per account by an administrator. */
export type Principal = { role: Role; regionCode: string; personnel?: boolean };
/** The signed-in user as every query and mutation sees them. */
export type Viewer = Principal & { id: string; username: string; name: string; sessionId: string };

/** The regions a rule opens to a principal: all of them, one region and everything below it, or none. */
export type Scope = "all" | "none" | { within: string };

export function inScope(scope: Scope, targetAncestors: readonly string[]): boolean {
  if (scope === "all" || scope === "none") return scope === "all";
  return targetAncestors.includes(scope.within);
}

/** Aggregates of every region are open to every signed-in user: comparing leagues is the point. */
export function canReadAggregates(_who: Principal): boolean {
  return true;
}

/**
 * Whose missing reports a user may list, by name, to chase them: their own region and everything
 * below it; everywhere for admins and 150000 users (the same reach as names).
 */
export function outstandingScope(who: Principal): Scope {
  return who.role === "admin" || who.regionCode === ROOT_REGION ? "all" : { within: who.regionCode };
}

/** Where records that name people (lead cadres, secretaries) show the names: inside the home region; everywhere for admins and 150000 users. */
export function nameScope(who: Principal): Scope {
  // A screen hangs where anyone walking past reads it.
  if (isDisplay(who)) return "none";
  return who.role === "admin" || who.regionCode === ROOT_REGION ? "all" : { within: who.regionCode };
}

export function canSeeNames(who: Principal, targetAncestors: readonly string[]): boolean {
  return inScope(nameScope(who), targetAncestors);
}

/**
 * Where named personnel evaluations (五看一测, 适岗指数: lib/contract.ts personnelDatasets) show
 * whose they are: the name scope, and only for accounts granted the personnel permission — not
 * every viewer, not every clerk. Every such view is written to the audit log (db/mutations/audit.ts).
 */
export function personnelScope(who: Principal): Scope {
  return who.personnel && !isDisplay(who) ? nameScope(who) : "none";
}

/** The scope a dataset's personal columns are shown in: the personnel scope for evaluations, the name scope elsewhere. */
export function namesScopeOf(who: Principal, dataset: Dataset): Scope {
  return isPersonnelDataset(dataset) ? personnelScope(who) : nameScope(who);
}

/** Where figures may be written: a clerk inside the home region, an admin anywhere (corrections), a viewer nowhere. */
export function writeScope(who: Principal): Scope {
  if (who.role === "admin") return "all";
  return who.role === "clerk" ? { within: who.regionCode } : "none";
}

export function canWriteFigures(who: Principal, targetAncestors: readonly string[]): boolean {
  return inScope(writeScope(who), targetAncestors);
}

export function canManageUsers(who: Principal): boolean {
  return who.role === "admin";
}

export function canReadAudit(who: Principal): boolean {
  return who.role === "admin";
}

/** Uploading files or entering figures at all: whoever has a write scope (row by row, the scope decides where). */
export function canUpload(who: Principal): boolean {
  return writeScope(who) !== "none";
}

/**
 * A batch's history and undo: whoever may write every region the batch touched (the regions of
 * the rows it added or changed, before and after), whatever the uploader's own home region.
 * A batch is open to a principal when all of its regions lie in this scope.
 */
export function batchScope(who: Principal): Scope {
  return writeScope(who);
}

export function canManageBatch(who: Principal, touchedAncestors: readonly (readonly string[])[]): boolean {
  const scope = batchScope(who);
  if (scope === "all" || scope === "none") return scope === "all";
  return touchedAncestors.length > 0 && touchedAncestors.every((ancestors) => inScope(scope, ancestors));
}

/**
 * Opening reporting periods and setting their deadlines: the department that runs the cycle for
 * the whole autonomous region (its clerks) and administrators.
 */
export function canManagePeriods(who: Principal): boolean {
  return who.role === "admin" || (who.role === "clerk" && who.regionCode === ROOT_REGION);
}

/**
 * Locking a period for a region and everything below it, and lifting that lock again: the region
 * must be the autonomous region or a league, and the user its own clerk (the level that locks is
 * the level that reopens) or an administrator.
 */
export function canLockFor(who: Principal, target: { code: string; level: string }): boolean {
  if (target.level !== "autonomous_region" && target.level !== "prefecture") return false;
  return who.role === "admin" || (who.role === "clerk" && who.regionCode === target.code);
}

/**
 * The reporting cycle's notices are for those who report: clerks and administrators, each for
 * their own home region (a league's clerk also hears how many regions below are missing).
 */
export function canReceiveNotices(who: Principal): boolean {
  return who.role === "clerk" || who.role === "admin";
}

/**
 * Whose uploads and figures are published at once: administrators (corrections) and the
 * autonomous region's own clerks, whom no level above reviews; the command line runs as such an
 * operator. Everyone else who may write submits to the region above (canReview).
 */
export function publishesDirectly(who: Principal): boolean {
  return who.role === "admin" || (who.role === "clerk" && who.regionCode === ROOT_REGION);
}

/** A region's report for review: its region's parent, and who sent it. */
export type SubmissionTarget = { regionParent: string | null; submittedBy: string };

/**
 * Approving or returning a report: a clerk or administrator whose home region is the parent of
 * the reporting region (the league for a banner, the autonomous region for a league's 本级), and
 * never the person who sent it.
 */
export function canReview(who: Principal & { id: string }, target: SubmissionTarget): boolean {
  if (who.role !== "clerk" && who.role !== "admin") return false;
  return target.regionParent !== null && who.regionCode === target.regionParent && who.id !== target.submittedBy;
}

/**
 * Who may read a submission (its rows, versions and returns): whoever may write its reporting
 * region, which holds the region's own clerks, the reviewers above and the administrators.
 */
export function submissionScope(who: Principal): Scope {
  return writeScope(who);
}
