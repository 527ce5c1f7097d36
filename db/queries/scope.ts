import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { batchScope, nameScope, namesScopeOf, type Principal, type Scope, writeScope } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import { regions, uploadBatches } from "../schema";
import { r, within } from "./rollup";

/**
 * The rules of lib/auth/permissions.ts as SQL conditions, for queries that filter or blank rows
 * in the database. `ancestors` is a region's ancestors column (`r.ancestors`, db/queries/rollup.ts, by default).
 */
export function inScopeSql(scope: Scope, ancestors: AnyPgColumn | SQL = r.ancestors): SQL {
  if (scope === "all") return sql`true`;
  if (scope === "none") return sql`false`;
  return within(scope.within, ancestors);
}

/** Names of people are shown for records of these regions only (blanked elsewhere). */
export const namesVisible = (viewer: Principal, ancestors?: AnyPgColumn | SQL) =>
  inScopeSql(nameScope(viewer), ancestors);

/** A dataset's personal columns are shown for records of these regions (the personnel scope for evaluations). */
export const namesVisibleIn = (dataset: Dataset, viewer: Principal, ancestors?: AnyPgColumn | SQL) =>
  inScopeSql(namesScopeOf(viewer, dataset), ancestors);

/** The caller may write figures of these regions. */
export const writable = (viewer: Principal, ancestors?: AnyPgColumn | SQL) => inScopeSql(writeScope(viewer), ancestors);

/** Every one of the region codes (a text[] expression, never empty) lies in the scope. */
export function everyInScopeSql(scope: Scope, codes: AnyPgColumn | SQL): SQL {
  if (scope === "all" || scope === "none") return inScopeSql(scope);
  const tr = alias(regions, "tr");
  return sql`cardinality(${codes}) > 0 and not exists (
    select 1 from regions tr where ${tr.code} = any(${codes}) and not (${inScopeSql(scope, tr.ancestors)}))`;
}

/** `upload_batches b`: the alias the batch queries read batches by. */
const b = alias(uploadBatches, "b");

/** Batches (alias `b`) whose history and undo are the caller's: lib/auth/permissions.ts canManageBatch. */
export const manageableBatch = (viewer: Principal) => everyInScopeSql(batchScope(viewer), b.regions);
