import { type SQL, sql } from "drizzle-orm";
import type { CadreMetric } from "@/lib/api/rankings";
import { METRIC_DATASET } from "@/lib/api/rankings";
import { isQuarterlyDataset, MIN_GROUP } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { type Comparable, comparableCte, isComparable } from "./reporting";
import { scopeCte } from "./rollup";
import { rows } from "./sql";

/**
 * The ranking figures of the evaluation and development datasets, per child region (its own code
 * for 本级), aggregated in SQL: `value` over `n` people or rows. A share of fewer than MIN_GROUP
 * people is no figure (it would point at them), so such a child is not ranked.
 */
const METRICS: Record<CadreMetric, { value: SQL; n: SQL; share: boolean }> = {
  evaluationExcellentShare: {
    value: sql`count(*) filter (where t.conclusion = '优秀')::float8 / nullif(count(*), 0)`,
    n: sql`count(*)`,
    share: true,
  },
  jobFitShare: {
    value: sql`count(*) filter (where t.grade = '适岗')::float8 / nullif(count(*), 0)`,
    n: sql`count(*)`,
    share: true,
  },
  youngCadrePromoted: { value: sql`sum(t.promoted)::float8`, n: sql`count(*)`, share: false },
  selections: { value: sql`count(*)::float8`, n: sql`count(*)`, share: false },
  routineGoodShare: {
    value: sql`sum(t.good)::float8 / nullif(sum(t.assessed), 0)`,
    n: sql`sum(t.assessed)`,
    share: true,
  },
  careCoverageShare: {
    value: sql`sum(t.celebrated)::float8 / nullif(sum(t.due), 0)`,
    n: sql`sum(t.due)`,
    share: true,
  },
};

export const isCadreMetric = (metric: string): metric is CadreMetric => metric in METRICS;

export async function cadreMetricByChild(
  db: Db,
  metric: CadreMetric,
  { region, depth, period, comparable }: { region: string; depth: number; period: Period; comparable?: Comparable },
): Promise<(code: string) => number | null> {
  const dataset = METRIC_DATASET[metric];
  const spec = DATASETS[dataset];
  const { value, n, share } = METRICS[metric];
  const { from, to } = periodYears(period);
  const quarterly = isQuarterlyDataset(dataset);
  const inQuarter = quarterly && period.kind === "quarter" ? sql`and t.quarter = ${period.quarter}` : sql``;
  const withScope = comparable
    ? sql`with ${scopeCte(region, depth, true)}, ${comparableCte(comparable)}`
    : sql`with ${scopeCte(region, depth)}`;
  const like = comparable
    ? sql`and ${isComparable(dataset, sql`s.reporter`, sql`t.year`, quarterly ? sql.raw("t.quarter") : undefined)}`
    : sql``;
  const found = await rows<{ child: string; value: number | null; n: number }>(
    db,
    sql`${withScope}
        select s.child, ${value} as value, (${n})::int as n
        from ${sql.raw(spec.table)} t join scope s on s.code = t.region_code
        where t.year between ${from} and ${to} ${inQuarter} ${like}
        group by s.child`,
  );
  const byChild = new Map(found.map((f) => [f.child, share && f.n < MIN_GROUP ? null : f.value]));
  return (code) => byChild.get(code) ?? null;
}
