import { sql } from "drizzle-orm";
import { MIN_GROUP } from "@/lib/contract";
import type { CadreSummary } from "@/lib/types";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { organisationSummary } from "./organisations";
import { within } from "./rollup";
import { rows } from "./sql";

/**
 * The evaluation and development datasets of a region (with everything below it) in a period,
 * in one statement: the overview's and the profile's cards and the report's paragraph. The
 * yearly datasets answer a quarter with its year, as the arena does. Shares of fewer than
 * MIN_GROUP people are left out (null): they would point at them.
 */
export async function cadreSummary(db: Db, region: string, period: Period): Promise<CadreSummary> {
  const { from, to } = periodYears(period);
  const inYears = sql`t.year between ${from} and ${to} and t.region_code in (select code from scope)`;
  const inQuarter = period.kind === "quarter" ? sql`and t.quarter = ${period.quarter}` : sql``;
  const [[row], organisations] = await Promise.all([
    rows<{
      evaluated: number;
      excellent: number;
      special: number;
      fitAssessed: number;
      unfit: number;
      moved: number;
      selected: number;
      promoted: number;
      teams: number;
      cadres: number;
      contactPoints: number;
      assessed: number;
      good: number;
      units: number;
      due: number;
      celebrated: number;
    }>(
      db,
      sql`with scope as (select code from regions where ${within(region)})
        select e.*, j.*, y.*, s.*, a.*, c.* from
          (select count(*)::int as evaluated,
                  count(*) filter (where t.conclusion = '优秀')::int as excellent,
                  count(*) filter (where t.kind = '实干型专项')::int as special
           from evaluations t where ${inYears}) e,
          (select count(*)::int as "fitAssessed",
                  count(*) filter (where t.grade = '不适岗')::int as unfit,
                  count(*) filter (where t.grade = '不适岗' and t.action in ('调整岗位', '免职/降职'))::int as moved
           from job_fit t where ${inYears}) j,
          (select coalesce(sum(t.selected), 0)::int as selected, coalesce(sum(t.promoted), 0)::int as promoted
           from young_cadres t where ${inYears}) y,
          (select count(*) filter (where t.category = '干事创业好班子')::int as teams,
                  count(*) filter (where t.category = '担当作为好干部')::int as cadres
           from selections t where ${inYears}) s,
          (select count(distinct (t.region_code, t.contact_point))::int as "contactPoints",
                  coalesce(sum(t.assessed), 0)::int as assessed, coalesce(sum(t.good), 0)::int as good
           from routine_assessments t where ${inYears} ${inQuarter}) a,
          (select count(distinct (t.region_code, t.unit))::int as units, coalesce(sum(t.due), 0)::int as due,
                  coalesce(sum(t.celebrated), 0)::int as celebrated
           from member_care t where ${inYears} ${inQuarter}) c`,
    ),
    organisationSummary(db, region),
  ]);
  const share = (part: number, whole: number) => (whole < MIN_GROUP ? null : part / whole);
  return {
    evaluations: {
      evaluated: row.evaluated,
      excellentShare: share(row.excellent, row.evaluated),
      special: row.special,
    },
    jobFit: {
      assessed: row.fitAssessed,
      unfit: row.unfit,
      moved: row.moved,
      unfitShare: share(row.unfit, row.fitAssessed),
    },
    youngCadres: { selected: row.selected, promoted: row.promoted },
    selections: { teams: row.teams, cadres: row.cadres },
    routine: { contactPoints: row.contactPoints, assessed: row.assessed, goodShare: share(row.good, row.assessed) },
    care: {
      units: row.units,
      due: row.due,
      celebrated: row.celebrated,
      coverage: row.due > 0 ? row.celebrated / row.due : null,
    },
    organisations,
  };
}
