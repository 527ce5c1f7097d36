import type { Role } from "@/db/schema/auth";

/**
 * The access rules, deny by default. Pure functions of the caller and the target region's
 * ancestors (root first, the region itself last), so they can be tested as a table and applied
 * the same way by every query and mutation.
 */
export const ROOT_REGION = "150000";

export type Principal = { role: Role; regionCode: string };

/** The target region is the home region or lies below it. */
export function isInside(home: string, targetAncestors: readonly string[]): boolean {
  return targetAncestors.includes(home);
}

/** Aggregates of every region are open to every signed-in user: comparing leagues is the point. */
export function canReadAggregates(_who: Principal): boolean {
  return true;
}

/** Records that name people (lead cadres, secretaries): inside the home region, or everything for admins and 150000 users. */
export function canSeeNames(who: Principal, targetAncestors: readonly string[]): boolean {
  return who.role === "admin" || who.regionCode === ROOT_REGION || isInside(who.regionCode, targetAncestors);
}

/** Figures: a clerk writes inside the home region, an admin anywhere (corrections), a viewer nowhere. */
export function canWriteFigures(who: Principal, targetAncestors: readonly string[]): boolean {
  if (who.role === "admin") return true;
  return who.role === "clerk" && isInside(who.regionCode, targetAncestors);
}

export function canManageUsers(who: Principal): boolean {
  return who.role === "admin";
}

export function canReadAudit(who: Principal): boolean {
  return who.role === "admin";
}

/** Uploading files: clerks (for their region, checked row by row) and admins. */
export function canUpload(who: Principal): boolean {
  return who.role === "clerk" || who.role === "admin";
}

/**
 * A batch's history and undo: admins, and clerks whose home region contains the uploader's
 * (every row of a batch lies inside its uploader's region).
 */
export function canManageBatch(who: Principal, batchRegionAncestors: readonly string[]): boolean {
  if (who.role === "admin") return true;
  return who.role === "clerk" && isInside(who.regionCode, batchRegionAncestors);
}
