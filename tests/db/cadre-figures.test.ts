import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getAdjustments } from "@/db/queries/adjustments";
import { cadreSummary } from "@/db/queries/cadre-summary";
import { getOverview } from "@/db/queries/overview";
import { getRanking } from "@/db/queries/rankings";
import { rows } from "@/db/queries/sql";
import { YAKESHI } from "@/db/seed/demo-cadres";
import { testDatabase } from "../helpers/db";

/** The evaluation and development datasets in the overview's cards and in the rankings, on the demo. */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const staff = { role: "viewer" as const, regionCode: "150000" };
const year2023 = { kind: "year", year: 2023 } as const;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe("the cards of a region", () => {
  it("hold the source's figure: 牙克石市 assessed through 7 contact points in 2023", async () => {
    const summary = await cadreSummary(db(), YAKESHI.code, year2023);
    expect(summary.routine.contactPoints).toBe(7);
    const q1 = await cadreSummary(db(), YAKESHI.code, { kind: "quarter", year: 2023, quarter: 1 });
    expect(q1.routine.contactPoints).toBe(7);
    expect(q1.routine.assessed).toBeLessThan(summary.routine.assessed);
  });

  it("add a league's own figures and its banners', as the overview shows them", async () => {
    const league = await cadreSummary(db(), "150800", year2023);
    const [direct] = await rows<{ evaluated: number; promoted: number; unfit: number }>(
      db(),
      sql`select (select count(*)::int from evaluations e join regions r on r.code = e.region_code
                  where e.year = 2023 and r.ancestors @> array['150800']) as evaluated,
                 (select sum(promoted)::int from young_cadres y join regions r on r.code = y.region_code
                  where y.year = 2023 and r.ancestors @> array['150800']) as promoted,
                 (select count(*)::int from job_fit j join regions r on r.code = j.region_code
                  where j.year = 2023 and j.grade = '不适岗' and r.ancestors @> array['150800']) as unfit`,
    );
    expect(league.evaluations.evaluated).toBe(direct.evaluated);
    expect(league.youngCadres.promoted).toBe(direct.promoted);
    expect(league.jobFit.unfit).toBe(direct.unfit);
    expect(league.jobFit.moved).toBeLessThanOrEqual(league.jobFit.unfit);
    const overview = await getOverview(db(), staff, { region: "150800", period: year2023 });
    expect(overview?.cadres).toEqual(league);
  });

  it("leave out a share of fewer than 3 people", async () => {
    const [few] = await rows<{ code: string; year: number }>(
      db(),
      sql`select j.region_code as code, j.year from job_fit j join regions r on r.code = j.region_code
          where r.level = 'county' group by 1, 2 having count(*) < 3 order by 1, 2 limit 1`,
    );
    expect(few).toBeDefined();
    // A banner's own job-fit records of that year, alone in the ranking of its league.
    const [{ parent }] = await rows<{ parent: string }>(
      db(),
      sql`select parent_code as parent from regions where code = ${few.code}`,
    );
    const ranking = await getRanking(db(), staff, {
      region: parent,
      period: { kind: "year", year: few.year },
      metric: "jobFitShare",
    });
    const row = ranking?.rows.find((r) => r.code === few.code);
    expect(row).toMatchObject({ value: null, rank: null });
  });
});

describe("the rankings", () => {
  it("rank the twelve leagues by 优秀率, the highest first, every share between 0 and 1", async () => {
    const ranking = await getRanking(db(), staff, {
      region: "150000",
      period: year2023,
      metric: "evaluationExcellentShare",
    });
    const ranked = ranking?.rows.filter((r) => !r.own) ?? [];
    expect(ranked).toHaveLength(12);
    for (const r of ranked) {
      expect(r.value).toBeGreaterThan(0);
      expect(r.value).toBeLessThan(1);
    }
    const first = ranked.find((r) => r.rank === 1);
    expect(first?.value).toBe(Math.max(...ranked.map((r) => r.value ?? 0)));
    expect(ranking?.completeness).toEqual({ reported: 115, expected: 115 });
  });

  it("rank by young cadres promoted, equal to the sum over each league", async () => {
    const ranking = await getRanking(db(), staff, { region: "150000", period: year2023, metric: "youngCadrePromoted" });
    const bayannur = ranking?.rows.find((r) => r.code === "150800");
    const [{ promoted }] = await rows<{ promoted: number }>(
      db(),
      sql`select sum(promoted)::int as promoted from young_cadres y join regions r on r.code = y.region_code
          where y.year = 2023 and r.ancestors @> array['150800']`,
    );
    expect(bayannur?.value).toBe(promoted);
  });
});

describe("the link to 能上能下", () => {
  it("shows beside a region's adjustments those graded 不适岗 and then moved or dismissed, of the same years", async () => {
    const view = await getAdjustments(db(), staff, { region: "150800", period: year2023 });
    const [direct] = await rows<{ moved: number; dismissed: number }>(
      db(),
      sql`select count(*) filter (where action = '调整岗位')::int as moved,
                 count(*) filter (where action = '免职/降职')::int as dismissed
          from job_fit j join regions r on r.code = j.region_code
          where j.year = 2023 and j.grade = '不适岗' and r.ancestors @> array['150800']`,
    );
    expect(view?.afterJobFit).toEqual(direct);
    const summary = await cadreSummary(db(), "150800", year2023);
    expect(summary.jobFit.moved).toBe(direct.moved + direct.dismissed);
  });
});
