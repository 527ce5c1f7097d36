import type { Outstanding } from "@/lib/api/outstanding";
import type { Principal } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import type { Db } from "../connect";
import { availableYears } from "./overview";
import { getRegionPath } from "./regions";
import { outstandingReports } from "./reporting";

/**
 * The outstanding reports of a region for a year (default: the latest with figures), with the
 * region and the years to choose from; `quarter` keeps that quarter's reports (a board cell). Refused outside the caller's part of the tree; null for
 * an unknown region.
 */
export async function getOutstanding(
  db: Db,
  viewer: Principal,
  { region, year, dataset, quarter }: { region: string; year?: number; dataset?: Dataset; quarter?: number },
): Promise<Outstanding | null> {
  const path = await getRegionPath(db, region);
  if (!path) return null;
  const years = await availableYears(db);
  const shown = year ?? years[0] ?? new Date().getFullYear();
  const rows = await outstandingReports(db, viewer, { region, year: shown, dataset });
  if (!rows) return null;
  return {
    region: path,
    year: shown,
    years,
    dataset: dataset ?? null,
    quarter: quarter ?? null,
    // A quarter narrows the quarterly datasets; the yearly reports have none.
    rows: quarter ? rows.filter((r) => r.quarter === quarter) : rows,
  };
}
