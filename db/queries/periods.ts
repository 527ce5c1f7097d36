import { type SQL, sql } from "drizzle-orm";
import type { ReportingPeriodRow } from "@/lib/api/periods";
import { canLockFor, canManagePeriods, type Principal } from "@/lib/auth/permissions";
import { daysBetween, todayInChina } from "@/lib/calendar";
import { type Dataset, datasets, reportedDatasets } from "@/lib/contract";
import type { DatasetSpec } from "@/lib/datasets";
import type { Period } from "@/lib/view";
import type { Db, Tx } from "../connect";
import { getRegionPath } from "./regions";
import { QUARTERLY_DATASETS, reportedCells } from "./reporting";
import { rows } from "./sql";

export const isQuarterly = (dataset: Dataset) => QUARTERLY_DATASETS.includes(dataset);

/** A reporting period as the dashboards name it: a quarter, or a whole year. */
export const periodOf = (p: { year: number; quarter: number | null }): Period =>
  p.quarter ? { kind: "quarter", year: p.year, quarter: p.quarter } : { kind: "year", year: p.year };

/** Every period a year holds: four quarters of the quarterly datasets, the year of the others. */
export function periodsOfYear(year: number): { dataset: Dataset; year: number; quarter: number | null }[] {
  return reportedDatasets.flatMap((dataset): { dataset: Dataset; year: number; quarter: number | null }[] =>
    isQuarterly(dataset)
      ? [1, 2, 3, 4].map((quarter) => ({ dataset, year, quarter }))
      : [{ dataset, year, quarter: null }],
  );
}

/**
 * The periods of a year with, for the viewer's home region, how many of the expected reports
 * are in, whether the deadline has passed (and by how many days), the standing lock that covers
 * the region (its own or one above), and what the viewer may do with it.
 */
export async function listPeriods(db: Db, viewer: Principal, year: number): Promise<ReportingPeriodRow[]> {
  const home = await getRegionPath(db, viewer.regionCode);
  if (!home) return [];
  const found = await rows<{
    id: number;
    dataset: Dataset;
    year: number;
    quarter: number | null;
    dueOn: string;
    lockCode: string | null;
    lockName: string | null;
    lockedAt: string | null;
  }>(
    db,
    sql`select p.id, p.dataset, p.year, p.quarter, p.due_on::text as "dueOn",
               l.region_code as "lockCode", lr.name_zh as "lockName", l.locked_at::text as "lockedAt"
        from reporting_periods p
        left join lateral (
          select l.* from period_locks l join regions lr on lr.code = l.region_code
          where l.period_id = p.id and l.reopened_at is null
            and l.region_code = any(${sql.param(home.path.map((r) => r.code))}::text[])
          order by array_length(lr.ancestors, 1) limit 1
        ) l on true
        left join regions lr on lr.code = l.region_code
        where p.year = ${year}
        order by array_position(${sql.param([...datasets])}::text[], p.dataset::text), p.quarter nulls first`,
  );
  if (found.length === 0) return [];
  const { cells, reporters } = await reportedCells(db, home.code, home.path.length, { kind: "year", year });
  const expected = [...reporters.values()].reduce((a, b) => a + b, 0);
  const today = todayInChina();
  const canLock = canLockFor(viewer, home);
  return found.map((p) => {
    const reported = cells.filter(
      (c) => c.dataset === p.dataset && (p.quarter === null || c.quarter === p.quarter),
    ).length;
    const ownLock = p.lockCode === home.code;
    return {
      id: p.id,
      dataset: p.dataset,
      year: p.year,
      quarter: p.quarter,
      dueOn: p.dueOn,
      daysOverdue: Math.max(0, daysBetween(p.dueOn, today)),
      daysLeft: Math.max(0, daysBetween(today, p.dueOn)),
      completeness: { reported, expected },
      lock: p.lockCode
        ? { regionCode: p.lockCode, regionName: p.lockName ?? p.lockCode, lockedAt: p.lockedAt ?? "" }
        : null,
      canEdit: canManagePeriods(viewer),
      canLock: canLock && !p.lockCode,
      canReopen: canLock && ownLock,
    };
  });
}

/** The year and quarter of a row's period (a row of `alias`): a project's is the year it was taken. */
export function periodColumns(spec: DatasetSpec, alias: string): { year: SQL; quarter: SQL } {
  // A register has no periods (lib/contract.ts registerDatasets); its rows are dated by their election.
  if (spec.id === "organisations")
    return { year: sql.raw(`extract(year from ${alias}.elected_on)::int`), quarter: sql`null::int` };
  if (spec.periodDate)
    return { year: sql.raw(`extract(year from ${alias}.${spec.periodDate})::int`), quarter: sql`null::int` };
  if (!isQuarterly(spec.id)) return { year: sql.raw(`${alias}.year`), quarter: sql`null::int` };
  // A monthly dataset (政治生日) reports each quarter: its rows' quarter follows from the month.
  const monthly = !spec.columns.some((c) => c.db === "quarter");
  return {
    year: sql.raw(`${alias}.year`),
    quarter: sql.raw(monthly ? `((${alias}.month::int + 2) / 3)` : `${alias}.quarter`),
  };
}

/**
 * The standing lock covering a row of the dataset: of its period, set for its region or one above
 * (alias `lock`, with the locking region `lr`). `region` and the period are SQL of the row.
 */
export const coveringLock = (dataset: Dataset, region: SQL, year: SQL, quarter: SQL) =>
  sql`select lr.name_zh as "lockedBy", p.year, p.quarter from period_locks l
      join reporting_periods p on p.id = l.period_id
      join regions lr on lr.code = l.region_code
      join regions rr on rr.code = ${region}
      where l.reopened_at is null and p.dataset = ${dataset} and p.year = ${year}
        and p.quarter is not distinct from ${quarter} and l.region_code = any(rr.ancestors)
      limit 1`;

/** The lock covering one figure of a region and period, or none. */
export async function lockOf(db: Db | Tx, dataset: Dataset, region: string, year: number, quarter: number | null) {
  const [lock] = await rows<{ lockedBy: string }>(
    db,
    coveringLock(dataset, sql`${region}`, sql`${year}::int`, quarter === null ? sql`null::int` : sql`${quarter}::int`),
  );
  return lock ?? null;
}

/** Rows a batch added or changed that now lie in a locked period (undoing it would change them). */
export async function lockedBatchRows(tx: Tx, spec: DatasetSpec, batchId: number) {
  const { year, quarter } = periodColumns(spec, "t");
  const [found] = await rows<{ n: number; lockedBy: string | null }>(
    tx,
    sql`select count(*)::int as n, min(k."lockedBy") as "lockedBy"
        from batch_rows b join ${sql.raw(spec.table)} t on t.id = b.row_id
        cross join lateral (${coveringLock(spec.id, sql.raw("t.region_code"), year, quarter)}) k
        where b.batch_id = ${batchId} and b.target = ${spec.table}`,
  );
  return found;
}

/** Years with opened reporting periods, newest first. */
export async function periodYears(db: Db): Promise<number[]> {
  const found = await rows<{ year: number }>(db, sql`select distinct year from reporting_periods order by year desc`);
  return found.map((r) => r.year);
}

/** The reporting board's columns of a year ("promotions:4", "arena") whose period is past its deadline. */
export async function overdueColumns(db: Db, year: number): Promise<Record<string, { dueOn: string; days: number }>> {
  const today = todayInChina();
  const found = await rows<{ dataset: Dataset; quarter: number | null; dueOn: string }>(
    db,
    sql`select dataset, quarter, due_on::text as "dueOn" from reporting_periods where year = ${year} and due_on < ${today}`,
  );
  return Object.fromEntries(
    found.map((p) => [
      p.quarter ? `${p.dataset}:${p.quarter}` : p.dataset,
      { dueOn: p.dueOn, days: daysBetween(p.dueOn, today) },
    ]),
  );
}
