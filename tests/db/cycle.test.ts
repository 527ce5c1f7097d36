import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getCycleFigures, getProjectHistory, listApplications } from "@/db/queries/cycle";
import { getRanking } from "@/db/queries/rankings";
import { rows } from "@/db/queries/sql";
import { SOURCE } from "@/db/seed/demo";
import { testDatabase } from "../helpers/db";

const staff = { role: "viewer" as const, regionCode: "150000" };
/** An official of another league (呼和浩特市): names of Bayannur's records are not theirs to see. */
const hohhot = { role: "viewer" as const, regionCode: "150100" };
const y2023 = { kind: "year" as const, year: 2023 };
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
});

afterAll(async () => {
  await database?.close();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

describe("揭榜挂帅 as a cycle", () => {
  it("gives Bayannur 2023 96 distinct applicants covering its 104 projects, over 1,400 万元 in place", async () => {
    const figures = await getCycleFigures(database.db, staff, { region: SOURCE.bayannur, period: y2023 });
    expect(figures?.applications).toMatchObject({ applications: 104, applicants: 96, projects: 104 });
    expect(figures?.stages[0]).toEqual({ stage: "已揭榜", projects: 104 });
    expect(figures?.fundsInPlace).toBeGreaterThan(1400);
    // Every project came from a challenge taken; challenges posted include some never taken.
    expect(figures?.challenges.taken).toBeGreaterThanOrEqual(104);
    expect(figures?.byChain.reduce((n, c) => n + c.posted, 0)).toBe(figures?.challenges.posted);
    // Counts are no secret: an official elsewhere sees the same figures.
    expect(await getCycleFigures(database.db, hohhot, { region: SOURCE.bayannur, period: y2023 })).toEqual(figures);
  });

  it("computes days to solve in SQL: the median and mean of the solved issues, open ones apart", async () => {
    const raw = await rows<{ days: number | null; status: string }>(
      database.db,
      sql`select (solved_on - raised_on) as days, status from project_issues
          where region_code in (select code from regions where ancestors @> array['150800']::text[])
            and raised_on between '2023-01-01' and '2023-12-31'`,
    );
    const solved = raw.filter((r) => r.status === "已解决").map((r) => Number(r.days));
    const figures = await getCycleFigures(database.db, staff, { region: SOURCE.bayannur, period: y2023 });
    expect(figures?.issues.raised).toBe(raw.length);
    expect(figures?.issues.solved).toBe(solved.length);
    expect(figures?.issues.open).toBe(raw.length - solved.length);
    expect(figures?.issues.medianDays).toBe(median(solved));
    const mean = solved.reduce((a, b) => a + b, 0) / solved.length;
    expect(figures?.issues.meanDays).toBeCloseTo(mean, 1);
  });

  it("rolls up: a league's figures include its banners', and the children add up to the whole", async () => {
    const region = await getCycleFigures(database.db, staff, { region: "150000", period: y2023 });
    const league = await getCycleFigures(database.db, staff, { region: SOURCE.bayannur, period: y2023 });
    const row = region?.children.find((c) => c.code === SOURCE.bayannur);
    expect(row).toMatchObject({
      posted: league?.challenges.posted,
      taken: league?.challenges.taken,
      applicants: league?.applications.applicants,
      projects: 104,
      openIssues: league?.issues.open,
      solvedIssues: league?.issues.solved,
      medianDays: league?.issues.medianDays,
      evaluated: league?.evaluations.evaluated,
    });
    const sum = (k: "posted" | "openIssues" | "solvedIssues" | "evaluated" | "projects") =>
      league?.children.reduce((n, c) => n + c[k], 0);
    expect(sum("posted")).toBe(league?.challenges.posted);
    expect(sum("openIssues")).toBe(league?.issues.open);
    expect(sum("solvedIssues")).toBe(league?.issues.solved);
    expect(sum("evaluated")).toBe(league?.evaluations.evaluated);
    expect(sum("projects")).toBe(104);
    // A banner's own figures are its row under the league.
    const banner = await getCycleFigures(database.db, staff, { region: SOURCE.uradRear, period: y2023 });
    expect(league?.children.find((c) => c.code === SOURCE.uradRear)).toMatchObject({
      openIssues: banner?.issues.open,
      excellent: banner?.evaluations.byGrade.find((g) => g.grade === "优秀")?.projects,
    });
    expect(league?.evaluations.byGrade.reduce((n, g) => n + g.projects, 0)).toBe(league?.evaluations.evaluated);
    expect(league?.evaluations.byUse.reduce((n, g) => n + g.projects, 0)).toBe(league?.evaluations.evaluated);
  });

  it("tells 科驰's whole history: posted, taken in August by the bureau head, issues solved, 优秀 with a use", async () => {
    const history = await getProjectHistory(database.db, staff, SOURCE.kechiCode);
    expect(history?.project).toMatchObject({
      name: SOURCE.kechiName,
      cadreUnit: "乌拉特后旗工业和信息化局",
      takenOn: "2023-08-03",
      stage: "已投产",
      namesHidden: false,
    });
    expect(history?.challenge).toMatchObject({ industryChain: "化工新材料", status: "已揭榜" });
    expect(String(history?.challenge?.postedOn) < "2023-08-01").toBe(true);
    expect(history?.applications).toHaveLength(1);
    expect(history?.applications[0]).toMatchObject({ chosen: true, appliedOn: "2023-08-01" });
    expect(history?.applications[0].applicant).toBe(history?.project.leadCadre);
    expect(history?.stages.find((s) => s.stage === "已签约")?.reachedOn).toMatch(/^2023-08-/);
    expect(history?.stages.at(-1)).toMatchObject({ stage: "已投产" });
    expect(history?.stages.at(-1)?.reachedOn).toMatch(/^2023-12-/);
    expect(history?.issues.map((i) => i.issue)).toEqual(expect.arrayContaining(["项目用地审批", "融资担保"]));
    expect(history?.issues.every((i) => i.status === "已解决" && (i.days ?? -1) >= 0)).toBe(true);
    expect(history?.evaluations).toEqual([expect.objectContaining({ year: 2023, grade: "优秀", use: "提拔使用" })]);
  });

  it("names applicants only inside the caller's home region", async () => {
    const hidden = await getProjectHistory(database.db, hohhot, SOURCE.kechiCode);
    expect(hidden?.project).toMatchObject({ leadCadre: null, cadreUnit: null, namesHidden: true });
    expect(hidden?.applications.every((a) => a.applicant === null && a.namesHidden)).toBe(true);
    const bayannur = { role: "viewer" as const, regionCode: SOURCE.bayannur };
    const shown = await getProjectHistory(database.db, bayannur, SOURCE.kechiCode);
    expect(shown?.applications[0].applicant).toBeTruthy();
    const list = await listApplications(database.db, hohhot, { region: SOURCE.bayannur, period: y2023, page: 1 });
    expect(list.total).toBe(104);
    expect(list.rows.every((r) => r.applicant === null && r.applicantUnit === null && r.namesHidden)).toBe(true);
    const own = await listApplications(database.db, hohhot, { region: "150100", period: y2023, page: 1 });
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.applicant && !r.namesHidden)).toBe(true);
  });

  it("ranks a league's banners by the share of follow-up issues solved, each report of the cycle counted in", async () => {
    const ranking = await getRanking(database.db, staff, {
      region: SOURCE.bayannur,
      period: y2023,
      metric: "issuesSolvedShare",
    });
    const banner = await getCycleFigures(database.db, staff, { region: SOURCE.uradRear, period: y2023 });
    const row = ranking?.rows.find((r) => r.code === SOURCE.uradRear);
    expect(row?.value).toBeCloseTo((banner?.issues.solved ?? 0) / (banner?.issues.raised ?? 1), 10);
    expect(row?.rank).not.toBeNull();
    // Every banner of Bayannur reported follow-up issues for 2023: the ranking is complete.
    expect(row?.completeness).toEqual({ reported: 1, expected: 1 });
  });
});
