import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptConnection } from "@/db/client";
import { refreshDeadlineNotices } from "@/db/mutations/notices";
import { openYear } from "@/db/mutations/periods";
import { createUser } from "@/db/mutations/users";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import {
  applications,
  arenaEntries,
  auditLog,
  challenges,
  evaluations,
  jobFit,
  memberCare,
  organisations,
  projectEvaluations,
  projectIssues,
  projects,
  promotions,
  reportingPeriods,
  routineAssessments,
  selections,
  uploadBatches,
  users,
} from "@/db/schema";
import { operator } from "@/lib/auth/operator";
import { quarterlyDatasets, reportedDatasets } from "@/lib/contract";
import { getAuth } from "@/server/auth/instance";
import { runImport } from "@/server/import/pipeline";
import { getSubmission } from "@/server/import/review";
import { testDatabase } from "../helpers/db";

/** The periods a year opens: four quarters of each quarterly dataset, one year of each other reported one (registers have none). */
const PERIODS_A_YEAR = reportedDatasets.length + 3 * quarterlyDatasets.length;

/**
 * Walks every route handler and server action with every kind of caller and asserts that nothing
 * leaks and nothing is written that the rules forbid. The rule table below must name every route
 * and action in app/: a new one without a rule fails this test.
 */
type Caller = "anonymous" | "staff" | "bayannur" | "clerk" | "admin" | "display";
// The display account right after the anonymous one: refused like it, it finds what that found.
const CALLERS: Caller[] = ["anonymous", "display", "staff", "bayannur", "clerk", "admin"];
const PASSWORD = "route-test-pass";
const ACCOUNTS = {
  // The personnel permission as the demo accounts hold it (named evaluations: 五看一测, 适岗指数).
  staff: { role: "viewer", regionCode: "150000", personnel: true },
  bayannur: { role: "viewer", regionCode: "150800", personnel: true },
  clerk: { role: "clerk", regionCode: "150825" },
  admin: { role: "admin", regionCode: "150000" },
  // A wall screen's account: refused everywhere but the screen's own routes.
  display: { role: "display", regionCode: "150000" },
} as const;

type Call = { url: string; body?: unknown; form?: FormData };
/**
 * What each caller gets. A display account is left out where it gets what it gets everywhere: a
 * 403 where a session is needed (server/api-route.ts), what anyone gets where none is.
 */
type Status = Record<Exclude<Caller, "display">, number> & { display?: number };
const statusOf = (status: Status, caller: Caller): number =>
  caller === "display" ? (status.display ?? (status.anonymous === 401 ? 403 : status.anonymous)) : status[caller];
type Case = {
  name: string;
  call: () => Call;
  status: Status;
  /** Checks what an allowed caller got. */
  check?: (caller: Caller, response: Response) => Promise<void>;
  /** Checks what the database holds afterwards, whoever called. */
  after?: (caller: Caller) => Promise<void>;
};

let database: Awaited<ReturnType<typeof testDatabase>>;
let wrongSignIns = 0;
const cookies: Partial<Record<Caller, string>> = {};
let targetUserId = "";
let clerkBatchId = 0;
/** 2022 Q1 of promotions, opened in the setup (its reports are missing: no lock holds). */
let periodId = 0;
/** A batch of a 集宁区 entry committed by an administrator whose home region is 乌拉特后旗. */
let foreignBatchId = 0;
/** Pending reports: 乌拉特后旗's (reviewed by Bayannur, none of the callers) and Bayannur's own (by the autonomous region). */
let bannerSubmission = 0;
let leagueSubmission = 0;
let leagueFingerprint = "";
/** Party organisations: a branch of 乌拉特后旗 (the clerk's banner), one of 呼和浩特市. */
let wuhouOrganisation = 0;
let hohhotOrganisation = 0;

/** A dry run of one project row, as a multipart form like the upload page sends. */
function projectsFile(code: string, region: string): FormData {
  const form = new FormData();
  form.set("dataset", "projects");
  form.set("dryRun", "true");
  form.set(
    "file",
    new Blob([`项目编号,项目名称,地区,揭榜干部,揭榜日期,阶段\n${code},改名,${region},某人,2023-03-01,已揭榜\n`], {
      type: "text/csv",
    }),
    "projects.csv",
  );
  return form;
}

/** A one-row promotions CSV for a region, as a multipart form like the upload page sends. */
function promotionsFile(region: string, count: number): FormData {
  const form = new FormData();
  form.set("dataset", "promotions");
  form.set(
    "file",
    new Blob([`地区,年度,季度,领域,人数\n${region},2022,1,基层治理,${count}\n`], { type: "text/csv" }),
    "figures.csv",
  );
  return form;
}
async function batchCount() {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(uploadBatches);
  return row.n;
}

const db = () => database.db;
async function promotionCount(region: string) {
  const [row] = await db()
    .select({ count: promotions.count })
    .from(promotions)
    .where(
      sql`${promotions.regionCode} = ${region} and ${promotions.year} = 2023 and ${promotions.quarter} = 4 and ${promotions.field} = '乡村振兴'`,
    );
  return row?.count ?? null;
}
async function userCount() {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}
const namesOf = async (response: Response, key: "leadCadre" | "secretary") =>
  ((await response.json()) as { rows: Record<string, unknown>[] }).rows.map((r) => r[key]);

const open = (status: number): Status => ({
  anonymous: 401,
  staff: status,
  bayannur: status,
  clerk: status,
  admin: status,
});
const adminOnly: Status = { anonymous: 401, staff: 403, bayannur: 403, clerk: 403, admin: 200 };

/**
 * 五看一测 and 适岗指数 (rows added below: three cadres each in 乌拉特后旗 and 呼伦贝尔市, two
 * job-fit records in 呼伦贝尔市): aggregates for everyone, without names; names only for the
 * personnel permission inside the home region (staff: all, bayannur: 乌拉特后旗; neither the clerk
 * nor the administrator holds it), each view of a name audited.
 */
const NAMED: Record<Caller, string[]> = {
  anonymous: [],
  staff: ["呼伦甲", "呼伦乙", "呼伦丙", "乌后甲", "乌后乙", "乌后丙"],
  bayannur: ["乌后甲", "乌后乙", "乌后丙"],
  clerk: [],
  admin: [],
  display: [],
};
async function personnelViews() {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, "personnel.view"));
  return row.n;
}
let viewsBefore = 0;
function personnelRoutes(): Record<string, Case[]> {
  const aggregates = (path: string): Case[] => [
    {
      name: "the leagues compared, no names anywhere in the answer",
      call: () => ({ url: `${path}?region=150000&year=2023` }),
      status: open(200),
      check: async (_caller, response) => {
        const text = await response.text();
        for (const name of NAMED.staff) expect(text).not.toContain(name);
      },
    },
    {
      name: "a range of years",
      call: () => ({ url: `${path}?region=150800&from=2022&to=2023` }),
      status: open(200),
    },
    {
      name: "a quarter (evaluations are per year)",
      call: () => ({ url: `${path}?region=150800&year=2023&quarter=2` }),
      status: open(400),
    },
    { name: "a malformed region", call: () => ({ url: `${path}?region=15080x` }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: `${path}?region=159999` }), status: open(404) },
  ];
  const records = (path: string): Case[] => [
    {
      name: "the autonomous region's records: names only inside the personnel scope, each view audited",
      call: () => ({ url: `${path}?region=150000&year=2023` }),
      status: open(200),
      check: async (caller, response) => {
        const body = (await response.json()) as { rows: { cadre: string }[]; hidden: number; hiddenReason: string };
        expect(body.rows.map((r) => r.cadre).sort()).toEqual([...NAMED[caller]].sort());
        expect(body.hiddenReason).toBe(caller === "staff" ? null : caller === "bayannur" ? "scope" : "permission");
        const views = await personnelViews();
        expect(views - viewsBefore, `${path} as ${caller}`).toBe(NAMED[caller].length > 0 ? 1 : 0);
        viewsBefore = views;
      },
    },
    {
      name: "page 0",
      call: () => ({ url: `${path}?region=150000&year=2023&page=0` }),
      status: open(400),
    },
    {
      name: "a quarter",
      call: () => ({ url: `${path}?region=150000&year=2023&quarter=1` }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: `${path}/?region=159999` }), status: open(404) },
  ];
  return {
    "GET /api/evaluations": aggregates("/api/evaluations"),
    "GET /api/job-fit": aggregates("/api/job-fit"),
    "GET /api/evaluations/records": records("/api/evaluations/records"),
    "GET /api/job-fit/records": records("/api/job-fit/records"),
  };
}

const routes: Record<string, Case[]> = {
  "GET /api/health": [
    { name: "public health check", call: () => ({ url: "/api/health" }), status: { ...open(200), anonymous: 200 } },
  ],
  "GET /api/overview": [
    {
      name: "aggregates of another league",
      call: () => ({ url: "/api/overview?region=150600&year=2023" }),
      status: open(200),
    },
    { name: "a quarter", call: () => ({ url: "/api/overview?region=150600&year=2023&quarter=3" }), status: open(200) },
    {
      name: "a range of years",
      call: () => ({ url: "/api/overview?region=150600&from=2021&to=2023" }),
      status: open(200),
    },
    { name: "a half range", call: () => ({ url: "/api/overview?region=150600&from=2021" }), status: open(400) },
    {
      name: "a year and a range at once",
      call: () => ({ url: "/api/overview?region=150600&year=2023&from=2021&to=2022" }),
      status: open(400),
    },
    {
      name: "a fifth quarter",
      call: () => ({ url: "/api/overview?region=150600&year=2023&quarter=5" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/overview?region=159999" }), status: open(404) },
  ],
  "GET /api/reports": [
    {
      name: "another league's report, text figures as the overview's",
      call: () => ({ url: "/api/reports?region=150800&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { overview: { region: { code: string } }; parent: { code: string } };
        expect(body.overview.region.code).toBe("150800");
        expect(body.parent.code).toBe("150000");
      },
    },
    { name: "a quarter", call: () => ({ url: "/api/reports?region=150800&year=2023&quarter=3" }), status: open(200) },
    {
      name: "a range of years (a report covers a year or a quarter)",
      call: () => ({ url: "/api/reports?region=150800&from=2021&to=2023" }),
      status: open(400),
    },
    { name: "a malformed region", call: () => ({ url: "/api/reports?region=15080x" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/reports?region=159999" }), status: open(404) },
  ],
  "GET /api/rankings": [
    {
      name: "another league's banners ranked",
      call: () => ({ url: "/api/rankings?region=150600&year=2023&metric=frontlineShare" }),
      status: open(200),
    },
    {
      name: "the leagues ranked by default (frontline promotions)",
      call: () => ({ url: "/api/rankings?region=150000&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { metric: string; rows: { own: boolean; rank: number | null }[] };
        expect(body.metric).toBe("frontline");
        expect(body.rows.filter((r) => !r.own).every((r) => r.rank !== null)).toBe(true);
        expect(body.rows.filter((r) => !r.own)).toHaveLength(12);
      },
    },
    {
      name: "an unknown metric",
      call: () => ({ url: "/api/rankings?region=150600&metric=salary" }),
      status: open(400),
    },
    { name: "a fifth quarter", call: () => ({ url: "/api/rankings?year=2023&quarter=5" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/rankings?region=159999" }), status: open(404) },
  ],
  "GET /api/outstanding": [
    {
      name: "the caller's own part of the tree (default region)",
      call: () => ({ url: "/api/outstanding?year=2023" }),
      status: open(200),
    },
    {
      name: "a banner's missing reports, named",
      call: () => ({ url: "/api/outstanding?region=150826&year=2023&dataset=promotions" }),
      status: { anonymous: 401, staff: 200, bayannur: 200, clerk: 403, admin: 200 },
      check: async (_caller, response) => {
        const body = (await response.json()) as { rows: { code: string; quarter: number }[] };
        expect(body.rows.map((r) => `${r.code}:${r.quarter}`)).toEqual([
          "150826:1",
          "150826:2",
          "150826:3",
          "150826:4",
        ]);
      },
    },
    {
      name: "a league's list: its own users and the root's",
      call: () => ({ url: "/api/outstanding?region=150800&year=2023" }),
      status: { anonymous: 401, staff: 200, bayannur: 200, clerk: 403, admin: 200 },
    },
    {
      name: "another league's list",
      call: () => ({ url: "/api/outstanding?region=150600&year=2023" }),
      status: { anonymous: 401, staff: 200, bayannur: 403, clerk: 403, admin: 200 },
    },
    {
      name: "an unknown dataset",
      call: () => ({ url: "/api/outstanding?region=150825&dataset=salaries" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/outstanding?region=159999" }), status: open(404) },
  ],
  "GET /api/summary": [
    {
      name: "a league's summary",
      call: () => ({ url: "/api/summary?region=150600&year=2023&quarter=4" }),
      status: open(200),
    },
    { name: "a malformed year", call: () => ({ url: "/api/summary?region=150600&year=23" }), status: open(400) },
    {
      name: "a quarter out of range",
      call: () => ({ url: "/api/summary?region=150600&year=2023&quarter=5" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/summary?region=159999&year=2023" }), status: open(404) },
  ],
  "GET /api/regions/[code]/profile": [
    {
      name: "another league's profile with its banners",
      call: () => ({ url: "/api/regions/150800/profile?year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        // Other cases write figures of this league too: only the shape is certain here.
        const body = await response.json();
        expect(body.region.path.map((r: { code: string }) => r.code)).toEqual(["150000", "150800"]);
        expect(body.children.map((c: { code: string }) => c.code)).toContain("150825");
        expect(JSON.stringify(body)).not.toMatch(/书记|干部/);
      },
    },
    {
      name: "a quarter of a banner",
      call: () => ({ url: "/api/regions/150825/profile?year=2023&quarter=4" }),
      status: open(200),
    },
    { name: "a malformed region code", call: () => ({ url: "/api/regions/15080/profile" }), status: open(400) },
    {
      name: "a NUL byte in the region code",
      call: () => ({ url: "/api/regions/15080%00/profile" }),
      status: open(400),
    },
    {
      name: "a quarter without its year",
      call: () => ({ url: "/api/regions/150800/profile?quarter=2" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/regions/159999/profile?year=2023" }), status: open(404) },
  ],
  "GET /api/places": [
    {
      name: "a banner's townships with their counts, for every signed-in caller",
      call: () => ({ url: "/api/places?region=150825&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = await response.json();
        expect(body.kind).toBe("townships");
        expect(body.rows.map((r: { code: string }) => r.code)).toContain("150825100");
        // Counts only: no secretary, no person's name, whoever asks.
        expect(JSON.stringify(body)).not.toMatch(/secretary|书记/);
      },
    },
    {
      name: "a township's villages",
      call: () => ({ url: "/api/places?region=150825100" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = await response.json();
        expect([body.kind, body.region.code, body.period]).toEqual(["villages", "150825100", null]);
        expect(body.rows.length).toBeGreaterThan(0);
      },
    },
    {
      name: "a league has no places of its own",
      call: () => ({ url: "/api/places?region=150800" }),
      status: open(200),
    },
    { name: "a malformed code", call: () => ({ url: "/api/places?region=1508251" }), status: open(400) },
    {
      name: "a quarter without its year",
      call: () => ({ url: "/api/places?region=150825&quarter=2" }),
      status: open(400),
    },
    { name: "an unknown township", call: () => ({ url: "/api/places?region=150825999" }), status: open(404) },
  ],
  "GET /api/project-stats": [
    {
      name: "the project funnel of another league",
      call: () => ({ url: "/api/project-stats?region=150600&year=2023&asOf=2023-12-31" }),
      status: open(200),
      check: async (_caller, response) => {
        expect((await response.json()).funnel[0]).toEqual({ stage: "已揭榜", projects: 0 });
      },
    },
    { name: "a malformed day", call: () => ({ url: "/api/project-stats?asOf=2023/12/31" }), status: open(400) },
    { name: "an impossible day", call: () => ({ url: "/api/project-stats?asOf=2023-13-45" }), status: open(400) },
    {
      name: "the 29th of February of 2023",
      call: () => ({ url: "/api/project-stats?asOf=2023-02-29" }),
      status: open(400),
    },
    {
      name: "the 29th of February of a leap year",
      call: () => ({ url: "/api/project-stats?region=150600&asOf=2024-02-29" }),
      status: open(200),
    },
    { name: "a NUL byte in the day", call: () => ({ url: "/api/project-stats?asOf=2023-12-3%00" }), status: open(400) },
    {
      name: "a range of years, by the day taken",
      call: () => ({ url: "/api/project-stats?region=150600&from=2022&to=2023&asOf=2023-12-31" }),
      status: open(200),
      check: async (_caller, response) => {
        // The project has no stage history (inserted directly): counted by chain, not in the funnel.
        const chains = (await response.json()).byChain as { projects: number }[];
        expect(chains.reduce((n, c) => n + c.projects, 0)).toBe(1);
      },
    },
    {
      name: "the first quarter only",
      call: () => ({ url: "/api/project-stats?region=150600&year=2023&quarter=1&asOf=2023-12-31" }),
      status: open(200),
      check: async (_caller, response) => {
        // The project has no stage history (inserted directly): counted by chain, not in the funnel.
        const chains = (await response.json()).byChain as { projects: number }[];
        expect(chains.reduce((n, c) => n + c.projects, 0)).toBe(1);
      },
    },
    { name: "a quarter without a year", call: () => ({ url: "/api/project-stats?quarter=1" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/project-stats?region=159999" }), status: open(404) },
  ],
  "GET /api/promotions": [
    {
      name: "promotions of another league, by field and per quarter",
      call: () => ({ url: "/api/promotions?region=150800&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        // Other cases write figures of this league too: only the shape is certain here.
        const body = await response.json();
        expect(Object.keys(body.total.byField)).toEqual([
          "乡村振兴",
          "招商引资",
          "基层治理",
          "防沙治沙",
          "其他一线",
          "非一线",
        ]);
        expect(body.children.map((c: { code: string }) => c.code)).toContain("150825");
      },
    },
    { name: "the caller's home region by default", call: () => ({ url: "/api/promotions" }), status: open(200) },
    {
      name: "a range of years backwards",
      call: () => ({ url: "/api/promotions?region=150800&from=2023&to=2021" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/promotions?region=159999&year=2023" }), status: open(404) },
  ],
  "GET /api/adjustments": [
    {
      name: "adjustments of a league for a quarter",
      call: () => ({ url: "/api/adjustments?region=150800&year=2023&quarter=4" }),
      status: open(200),
    },
    { name: "a quarter without a year", call: () => ({ url: "/api/adjustments?quarter=2" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/adjustments?region=159999" }), status: open(404) },
  ],
  "GET /api/projects": [
    {
      name: "projects of 鄂尔多斯市: names only for 150000 users and admins",
      call: () => ({ url: "/api/projects?region=150600" }),
      status: open(200),
      check: async (caller, response) => {
        const names = await namesOf(response, "leadCadre");
        expect(names.length).toBe(1);
        expect(names[0]).toBe(caller === "staff" || caller === "admin" ? "鄂尔多斯干部" : null);
      },
    },
    {
      name: "projects of 乌拉特后旗: names for everyone whose home region contains it",
      call: () => ({ url: "/api/projects?region=150825" }),
      status: open(200),
      check: async (_caller, response) => {
        expect(await namesOf(response, "leadCadre")).toEqual(["乌后干部"]);
      },
    },
    {
      name: "projects of a quarter, sorted by a column in the URL",
      call: () => ({ url: "/api/projects?region=150000&year=2023&quarter=1&sort=code&dir=desc&page=1" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { rows: { code: string }[]; total: number };
        expect(body.rows.map((r) => r.code)).toEqual(["P-WUHOU", "P-ORDOS"]);
        expect(body.total).toBe(2);
      },
    },
    {
      name: "no projects in another quarter",
      call: () => ({ url: "/api/projects?region=150000&year=2023&quarter=2" }),
      status: open(200),
      check: async (_caller, response) => {
        expect((await response.json()).total).toBe(0);
      },
    },
    { name: "a sort key not on the list", call: () => ({ url: "/api/projects?sort=secret" }), status: open(400) },
    {
      name: "a sort direction not on the list",
      call: () => ({ url: "/api/projects?sort=name&dir=up" }),
      status: open(400),
    },
    { name: "a range of years backwards", call: () => ({ url: "/api/projects?from=2023&to=2021" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/projects?region=159999" }), status: open(404) },
  ],
  "GET /api/arena": [
    {
      name: "the arena board of 呼伦贝尔市: secretaries only for 150000 users and admins, nowhere in the answer for others",
      call: () => ({ url: "/api/arena?region=150700&year=2023" }),
      status: open(200),
      check: async (caller, response) => {
        const text = await response.text();
        const board = JSON.parse(text) as { leaderboards: Record<string, { secretary: string | null }[]> };
        const sees = caller === "staff" || caller === "admin";
        expect(board.leaderboards.社区.map((r) => r.secretary)).toEqual(sees ? ["呼伦贝尔书记"] : [null]);
        if (!sees) expect(text).not.toContain("呼伦贝尔书记");
      },
    },
    {
      name: "the arena board of 巴彦淖尔市: the 乌拉特后旗 secretary for everyone whose home region contains it",
      call: () => ({ url: "/api/arena?region=150800&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const board = (await response.json()) as { leaderboards: Record<string, { secretary: string | null }[]> };
        expect(board.leaderboards.嘎查村.map((r) => r.secretary)).toEqual(["乌后书记"]);
      },
    },
    { name: "a malformed year", call: () => ({ url: "/api/arena?region=150700&year=23" }), status: open(400) },
    {
      name: "a range of years adds the years up",
      call: () => ({ url: "/api/arena?region=150700&from=2022&to=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const board = (await response.json()) as { period: unknown; entries: number };
        expect(board.period).toEqual({ kind: "range", from: 2022, to: 2023 });
        expect(board.entries).toBe(1);
      },
    },
    {
      name: "a quarter (arena entries are reported per year)",
      call: () => ({ url: "/api/arena?region=150700&year=2023&quarter=3" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/arena?region=159999" }), status: open(404) },
  ],
  "GET /api/indicators": [
    {
      name: "the scorecard of 呼伦贝尔市 for 2023 Q3",
      call: () => ({ url: "/api/indicators?region=150700&year=2023&quarter=3" }),
      status: open(200),
      check: async (_caller, response) => {
        const scorecard = (await response.json()) as { figures: { indicator: string; status: string }[] };
        expect(scorecard.figures).toMatchObject([{ indicator: "规模以上工业增加值增速", status: "close" }]);
      },
    },
    {
      name: "a quarter out of range",
      call: () => ({ url: "/api/indicators?region=150700&year=2023&quarter=5" }),
      status: open(400),
    },
    {
      name: "a range of years (indicators do not add up)",
      call: () => ({ url: "/api/indicators?region=150700&from=2022&to=2023" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/indicators?region=159999" }), status: open(404) },
  ],
  "GET /api/arena-entries": [
    {
      name: "arena entries of 鄂尔多斯市: secretaries only for 150000 users and admins",
      call: () => ({ url: "/api/arena-entries?region=150600" }),
      status: open(200),
      check: async (caller, response) => {
        expect(await namesOf(response, "secretary")).toEqual([
          caller === "staff" || caller === "admin" ? "某书记" : null,
        ]);
      },
    },
  ],
  ...personnelRoutes(),
  "GET /api/young-cadres": [
    {
      name: "雏雁行动 of another league, per year",
      call: () => ({ url: "/api/young-cadres?region=150600&year=2023" }),
      status: open(200),
    },
    {
      name: "a quarter (reported per year)",
      call: () => ({ url: "/api/young-cadres?year=2023&quarter=1" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/young-cadres?region=159999" }), status: open(404) },
  ],
  "GET /api/selections": [
    {
      name: "selections of 鄂尔多斯市 counted per category",
      call: () => ({ url: "/api/selections?region=150600&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { total: { byCategory: Record<string, number> } };
        expect(body.total.byCategory).toEqual({ 干事创业好班子: 1, 担当作为好干部: 1 });
      },
    },
    { name: "a malformed region", call: () => ({ url: "/api/selections?region=15060" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/selections?region=159999" }), status: open(404) },
  ],
  "GET /api/selections/records": [
    {
      name: "selections of 鄂尔多斯市: a cadre named only for 150000 users and admins, a team for all",
      call: () => ({ url: "/api/selections/records?region=150600&year=2023" }),
      status: open(200),
      check: async (caller, response) => {
        const body = (await response.json()) as {
          rows: { category: string; name: string | null; unit: string | null }[];
        };
        const named = caller === "staff" || caller === "admin";
        expect(body.rows.find((r) => r.category === "担当作为好干部")).toMatchObject({
          name: named ? "鄂尔多斯好干部" : null,
          unit: named ? "鄂尔多斯市某局" : null,
        });
        expect(body.rows.find((r) => r.category === "干事创业好班子")?.name).toBe("鄂尔多斯某局领导班子");
      },
    },
    {
      name: "an unknown category",
      call: () => ({ url: "/api/selections/records?category=好同志" }),
      status: open(400),
    },
    { name: "page zero", call: () => ({ url: "/api/selections/records?page=0" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/selections/records?region=159999" }), status: open(404) },
  ],
  // 基层党组织 (rows added below: a branch of 乌拉特后旗, the clerk's banner, and one of 呼和浩特市).
  "GET /api/organisations": [
    {
      name: "Bayannur's organisations counted by type and term",
      call: () => ({ url: "/api/organisations?region=150800&asOf=2026-12-01" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { total: { all: number; branch: number; committee: number } };
        expect(body.total).toMatchObject({ all: 1, branch: 1, committee: 0 });
      },
    },
    { name: "a day that is no date", call: () => ({ url: "/api/organisations?asOf=2026-02-30" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/organisations?region=159999" }), status: open(404) },
  ],
  "GET /api/organisations/records": [
    {
      name: "呼和浩特's organisations: the secretary named only for 150000 users and admins",
      call: () => ({ url: "/api/organisations/records?region=150100&asOf=2026-12-01" }),
      status: open(200),
      check: async (caller, response) => {
        const named = caller === "staff" || caller === "admin";
        expect(await namesOf(response, "secretary")).toEqual([named ? "呼市书记" : null]);
      },
    },
    {
      name: "乌拉特后旗's branches: the secretary named inside Bayannur",
      call: () => ({ url: "/api/organisations/records?region=150825&measure=branch&asOf=2026-12-01" }),
      status: open(200),
      check: async (_caller, response) => {
        expect(await namesOf(response, "secretary")).toEqual(["乌后书记"]);
      },
    },
    { name: "an unknown measure", call: () => ({ url: "/api/organisations/records?measure=x" }), status: open(400) },
    {
      name: "a township that is no code",
      call: () => ({ url: "/api/organisations/records?township=15" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/organisations/records?region=159999" }), status: open(404) },
  ],
  "POST /api/organisations/[id]/term": [
    {
      name: "an extension of 乌拉特后旗's branch: its clerk or an admin",
      call: () => ({
        url: `/api/organisations/${wuhouOrganisation}/term`,
        body: { type: "延期换届", reason: "机构改革", approver: "中共乌拉特后旗委员会", endsOn: "2027-12-01" },
      }),
      status: { anonymous: 401, staff: 403, bayannur: 403, clerk: 200, admin: 200 },
      // Callers run in order: nothing is written until the clerk.
      after: async (caller) => {
        const [row] = await rows<{ adjusted_ends_on: string | null }>(
          db(),
          sql`select adjusted_ends_on::text from organisations where id = ${wuhouOrganisation}`,
        );
        expect(row.adjusted_ends_on).toBe(caller === "clerk" || caller === "admin" ? "2027-12-01" : null);
      },
    },
    {
      name: "an extension of another league's branch",
      call: () => ({
        url: `/api/organisations/${hohhotOrganisation}/term`,
        body: { type: "延期换届", reason: "机构改革", approver: "中共呼和浩特市委员会", endsOn: "2028-12-01" },
      }),
      status: { anonymous: 401, staff: 403, bayannur: 403, clerk: 403, admin: 200 },
    },
    {
      name: "an extension of more than a year",
      call: () => ({
        url: `/api/organisations/${wuhouOrganisation}/term`,
        body: { type: "延期换届", reason: "机构改革", approver: "中共乌拉特后旗委员会", endsOn: "2028-03-02" },
      }),
      status: { anonymous: 401, staff: 403, bayannur: 403, clerk: 400, admin: 400 },
      after: async () => {
        const [row] = await rows<{ adjusted_ends_on: string | null }>(
          db(),
          sql`select adjusted_ends_on::text from organisations where id = ${wuhouOrganisation}`,
        );
        expect(row.adjusted_ends_on).not.toBe("2028-03-02");
      },
    },
    {
      name: "a date that is no date",
      call: () => ({
        url: `/api/organisations/${wuhouOrganisation}/term`,
        body: { type: "延期换届", reason: "机构改革", approver: "中共乌拉特后旗委员会", endsOn: "2027-13-01" },
      }),
      status: open(400),
    },
    {
      name: "without a reason",
      call: () => ({
        url: `/api/organisations/${wuhouOrganisation}/term`,
        body: { type: "延期换届", approver: "中共乌拉特后旗委员会", endsOn: "2027-12-01" },
      }),
      status: open(400),
    },
    {
      name: "an id that is no number",
      call: () => ({
        url: "/api/organisations/abc/term",
        body: { type: "延期换届", reason: "机构改革", approver: "某机关", endsOn: "2027-12-01" },
      }),
      status: open(400),
    },
    {
      name: "an organisation that does not exist",
      call: () => ({
        url: "/api/organisations/2000000000/term",
        body: { type: "延期换届", reason: "机构改革", approver: "某机关", endsOn: "2027-12-01" },
      }),
      status: open(404),
    },
  ],
  "GET /api/routine-assessments": [
    {
      name: "a banner's contact points, fewer than 3 assessed as a count only",
      call: () => ({ url: "/api/routine-assessments?region=150782&year=2023&quarter=2" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { points: { total: unknown }[] };
        expect(body.points.map((p) => p.total)).toEqual([{ assessed: 2, grades: null, suppressed: true }]);
      },
    },
    {
      name: "a fifth quarter",
      call: () => ({ url: "/api/routine-assessments?year=2023&quarter=5" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/routine-assessments?region=159999" }), status: open(404) },
  ],
  "GET /api/member-care": [
    {
      name: "a league's political birthdays: organisations' names are no person's, so every caller sees them",
      call: () => ({ url: "/api/member-care?region=150600&year=2023&quarter=4" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { units: { unit: string; due: number; celebrated: number }[] };
        expect(body.units).toEqual([expect.objectContaining({ unit: "鄂尔多斯市某局党支部", due: 5, celebrated: 4 })]);
      },
    },
    {
      name: "a thirteenth month's quarter",
      call: () => ({ url: "/api/member-care?year=2023&quarter=0" }),
      status: open(400),
    },
    { name: "an unknown region", call: () => ({ url: "/api/member-care?region=159999" }), status: open(404) },
  ],
  "POST /api/figures": [
    {
      name: "a figure of 乌拉特后旗 (the clerk's own banner)",
      call: () => ({
        url: "/api/figures",
        body: { dataset: "promotions", region: "150825", year: 2022, quarter: 4, key: "乡村振兴", count: 7 },
      }),
      status: { anonymous: 401, staff: 403, bayannur: 403, clerk: 200, admin: 200 },
      check: async (caller, response) => {
        // The banner's clerk submits it for review; the administrator publishes it.
        const body = (await response.json()) as { submission: { version: number } | null };
        expect(body.submission !== null).toBe(caller === "clerk");
      },
    },
    {
      name: "a figure of a period not open while the cycle runs",
      call: () => ({
        url: "/api/figures",
        body: { dataset: "promotions", region: "150825", year: 2030, quarter: 4, key: "乡村振兴", count: 7 },
      }),
      status: { anonymous: 401, staff: 403, bayannur: 403, clerk: 409, admin: 200 },
    },
    {
      name: "a figure of 临河区 (another banner of the clerk's league)",
      call: () => ({
        url: "/api/figures",
        body: { dataset: "promotions", region: "150802", year: 2023, quarter: 4, key: "乡村振兴", count: 99 },
      }),
      status: { anonymous: 401, staff: 403, bayannur: 403, clerk: 403, admin: 200 },
      after: async (caller) => {
        expect(await promotionCount("150802")).toBe(caller === "admin" ? 99 : 5);
      },
    },
  ],
  "GET /api/uploads": [
    {
      name: "upload history: the clerk's own batch, not the admin's 集宁区 one",
      call: () => ({ url: "/api/uploads" }),
      status: { ...adminOnly, clerk: 200 },
      check: async (caller, response) => {
        const ids = ((await response.json()) as { rows: { id: number }[] }).rows.map((b) => b.id);
        expect(ids).toContain(clerkBatchId);
        expect(ids.includes(foreignBatchId)).toBe(caller === "admin");
      },
    },
  ],
  "POST /api/uploads": [
    {
      name: "a file with a 乌拉特后旗 figure",
      call: () => ({ url: "/api/uploads", form: promotionsFile("150825", 2) }),
      status: { ...adminOnly, clerk: 200 },
    },
    {
      name: "a file with a 临河区 figure (outside the clerk's banner): refused, nothing written",
      call: () => ({ url: "/api/uploads", form: promotionsFile("150802", 3) }),
      status: { ...adminOnly, clerk: 422 },
      after: async (caller) => {
        const [row] = await db()
          .select({ count: promotions.count })
          .from(promotions)
          .where(
            sql`${promotions.regionCode} = '150802' and ${promotions.year} = 2022 and ${promotions.field} = '基层治理'`,
          );
        expect(row?.count ?? null).toBe(caller === "admin" ? 3 : null);
      },
    },
    {
      name: "a dry run naming the 鄂尔多斯 project's code: an error naming nothing of the project, for the clerk",
      call: () => ({ url: "/api/uploads", form: projectsFile("P-ORDOS", "乌拉特后旗") }),
      status: { ...adminOnly, clerk: 422 },
      check: async (caller, response) => {
        const text = await response.text();
        // The admin may move it and sees what it was; the clerk sees only that it is not theirs.
        if (caller === "clerk") {
          expect(text).toContain("项目编号 P-ORDOS 已属于其他地区，不能修改。");
          for (const hidden of ["鄂尔多斯干部", "鄂尔多斯项目", "鄂尔多斯"]) expect(text).not.toContain(hidden);
        } else expect(text).toContain("鄂尔多斯干部");
      },
      after: async () => {
        const [project] = await db().select().from(projects).where(eq(projects.code, "P-ORDOS"));
        expect(project.regionCode).toBe("150600");
      },
    },
  ],
  "GET /api/uploads/[id]": [
    {
      name: "a batch the 乌拉特后旗 clerk uploaded",
      call: () => ({ url: `/api/uploads/${clerkBatchId}` }),
      status: { ...adminOnly, clerk: 200 },
    },
    ...["abc", "0", "-1", "1.5", "9999999999999", "%00", "1%00"].map((id) => ({
      name: `a batch id that is no id: ${id}`,
      call: () => ({ url: `/api/uploads/${id}` }),
      status: open(400),
    })),
    // Whoever may upload gets the same answer for a missing batch and one that is not theirs.
    {
      name: "a batch that does not exist",
      call: () => ({ url: "/api/uploads/2147483647" }),
      status: { ...adminOnly, clerk: 404, admin: 404 },
    },
    {
      name: "a 集宁区 batch committed by an admin homed in 乌拉特后旗: not the banner clerk's",
      call: () => ({ url: `/api/uploads/${foreignBatchId}` }),
      status: { ...adminOnly, clerk: 404 },
      check: async (_caller, response) => {
        expect(JSON.stringify(await response.json())).toContain("集宁干部");
      },
    },
  ],
  "POST /api/uploads/[id]/undo": [
    {
      name: "undoing the admin's 集宁区 batch: not the banner clerk's (the admin may, once)",
      call: () => ({ url: `/api/uploads/${foreignBatchId}/undo`, body: {} }),
      status: { ...adminOnly, clerk: 404 },
    },
    {
      name: "undoing the clerk's batch (once; the admin then finds it undone)",
      call: () => ({ url: `/api/uploads/${clerkBatchId}/undo`, body: {} }),
      status: { ...adminOnly, clerk: 200, admin: 409 },
    },
    ...["abc", "0", "9999999999999", "%00"].map((id) => ({
      name: `undoing a batch id that is no id: ${id}`,
      call: () => ({ url: `/api/uploads/${id}/undo`, body: {} }),
      status: open(400),
    })),
  ],
  "GET /api/notices": [
    {
      name: "the notices of the caller's own region (none for a viewer)",
      call: () => ({ url: "/api/notices" }),
      status: open(200),
      check: async (caller, response) => {
        const { notices } = (await response.json()) as { notices: { regionName: string }[] };
        if (caller === "staff" || caller === "bayannur") expect(notices).toEqual([]);
        // The banner clerk hears of 乌拉特后旗 only (the setup made the deadline notices).
        if (caller === "clerk") {
          expect(notices.length).toBeGreaterThan(0);
          expect(new Set(notices.map((n) => n.regionName))).toEqual(new Set(["乌拉特后旗"]));
        }
      },
    },
  ],
  "POST /api/notices/read": [
    { name: "marking one's notices read", call: () => ({ url: "/api/notices/read", body: {} }), status: open(200) },
  ],
  "GET /api/periods": [
    {
      name: "the periods of a year, as the caller's region stands in them",
      call: () => ({ url: "/api/periods?year=2022" }),
      status: open(200),
      check: async (_caller, response) => {
        const { periods } = (await response.json()) as { periods: { dataset: string }[] };
        expect(periods).toHaveLength(PERIODS_A_YEAR);
      },
    },
    ...["", "20x2", "1999"].map((year) => ({
      name: `a year that is no year: "${year}"`,
      call: () => ({ url: `/api/periods?year=${year}` }),
      status: open(400),
    })),
  ],
  "POST /api/periods": [
    {
      name: "opening a year's periods",
      call: () => ({ url: "/api/periods", body: { year: 2031 } }),
      status: adminOnly,
      after: async (caller) => {
        const opened = await db().select().from(reportingPeriods).where(eq(reportingPeriods.year, 2031));
        expect(opened.length).toBe(caller === "admin" ? PERIODS_A_YEAR : 0);
      },
    },
    { name: "a year out of range", call: () => ({ url: "/api/periods", body: { year: 3000 } }), status: open(400) },
    {
      name: "opening one period with its deadline",
      call: () => ({ url: "/api/periods", body: { dataset: "arena", year: 2032, dueOn: "2033-02-28" } }),
      status: adminOnly,
    },
    {
      name: "a period of the Party organisations' register (it has none)",
      call: () => ({ url: "/api/periods", body: { dataset: "organisations", year: 2032, dueOn: "2033-02-28" } }),
      status: open(400),
    },
    {
      name: "one period with a dataset that does not exist",
      call: () => ({ url: "/api/periods", body: { dataset: "x", year: 2032, dueOn: "2033-02-28" } }),
      status: open(400),
    },
    {
      name: "a quarter of a yearly dataset",
      call: () => ({ url: "/api/periods", body: { dataset: "arena", year: 2033, quarter: 2, dueOn: "2034-02-28" } }),
      status: { ...adminOnly, admin: 400 },
    },
  ],
  "PATCH /api/periods/[id]": [
    {
      name: "moving a deadline",
      call: () => ({ url: `/api/periods/${periodId}`, body: { dueOn: "2022-04-20" } }),
      status: adminOnly,
    },
    {
      name: "a deadline that is no day",
      call: () => ({ url: `/api/periods/${periodId}`, body: { dueOn: "2022-02-30" } }),
      status: open(400),
    },
    ...["abc", "0", "%00"].map((id) => ({
      name: `a period id that is no id: ${id}`,
      call: () => ({ url: `/api/periods/${id}`, body: { dueOn: "2022-04-20" } }),
      status: open(400),
    })),
    {
      name: "a period that does not exist",
      call: () => ({ url: "/api/periods/999999", body: { dueOn: "2022-04-20" } }),
      status: { ...adminOnly, admin: 404 },
    },
  ],
  "POST /api/periods/[id]/lock": [
    {
      // Only the league's own clerk or an admin may; the reports are missing, so even the admin is told.
      name: "locking Bayannur's part of a period with reports missing",
      call: () => ({ url: `/api/periods/${periodId}/lock`, body: { region: "150800" } }),
      status: { ...adminOnly, admin: 409 },
    },
    {
      name: "locking a banner on its own",
      call: () => ({ url: `/api/periods/${periodId}/lock`, body: { region: "150825" } }),
      status: { ...adminOnly, admin: 403 },
    },
    {
      name: "a region that is no code",
      call: () => ({ url: `/api/periods/${periodId}/lock`, body: { region: "15" } }),
      status: open(400),
    },
  ],
  "POST /api/periods/[id]/reopen": [
    {
      name: "reopening a period that is not locked",
      call: () => ({ url: `/api/periods/${periodId}/reopen`, body: { region: "150800", reason: "更正数据" } }),
      status: { ...adminOnly, admin: 409 },
    },
    {
      name: "reopening without a reason",
      call: () => ({ url: `/api/periods/${periodId}/reopen`, body: { region: "150800", reason: " " } }),
      status: open(400),
    },
  ],
  "GET /api/submissions": [
    {
      name: "the review queue and the recent reports the caller may read",
      call: () => ({ url: "/api/submissions" }),
      status: { ...adminOnly, clerk: 200 },
      check: async (caller, response) => {
        const { queue, recent } = (await response.json()) as {
          queue: { id: number; regionCode: string }[];
          recent: { id: number }[];
        };
        // The autonomous region reviews the leagues' own reports (Bayannur's, unless approved by now),
        // never a banner's; the banner's clerk reviews nothing and reads its banner's reports.
        expect(queue.every((s) => s.regionCode === "150800")).toBe(true);
        if (caller === "clerk") expect(queue).toEqual([]);
        const ids = recent.map((s) => s.id);
        expect(ids).toContain(bannerSubmission);
        expect(ids.includes(leagueSubmission)).toBe(caller === "admin");
      },
    },
  ],
  "GET /api/submissions/[id]": [
    {
      name: "the banner's report: its clerks and the administrator",
      call: () => ({ url: `/api/submissions/${bannerSubmission}` }),
      status: { ...adminOnly, clerk: 200 },
      check: async (_caller, response) => {
        const body = (await response.json()) as { changes: { inserted: number }; submission: { canReview: boolean } };
        expect(body.changes.inserted).toBe(1);
        expect(body.submission.canReview).toBe(false);
      },
    },
    {
      name: "the league's own report: not the banner's clerk",
      call: () => ({ url: `/api/submissions/${leagueSubmission}` }),
      status: { ...adminOnly, clerk: 404 },
    },
    ...["abc", "0", "%00", "-1"].map((id) => ({
      name: `a submission id that is no id: ${id}`,
      call: () => ({ url: `/api/submissions/${id}` }),
      status: open(400),
    })),
    {
      name: "a submission that does not exist",
      call: () => ({ url: "/api/submissions/999999" }),
      status: { ...adminOnly, admin: 404, clerk: 404 },
    },
  ],
  "POST /api/submissions/[id]/return": [
    {
      name: "returning the banner's report: only Bayannur reviews it",
      call: () => ({ url: `/api/submissions/${bannerSubmission}/return`, body: { reason: "请核对" } }),
      status: { ...adminOnly, clerk: 403, admin: 403 },
      after: async () => {
        const [row] = await rows<{ status: string }>(
          db(),
          sql`select status from submissions where id = ${bannerSubmission}`,
        );
        expect(row.status).toBe("pending");
      },
    },
    {
      name: "returning without a reason",
      call: () => ({ url: `/api/submissions/${leagueSubmission}/return`, body: { reason: " " } }),
      status: open(400),
    },
    {
      name: "a reason that is not text",
      call: () => ({ url: `/api/submissions/${leagueSubmission}/return`, body: { reason: 42 } }),
      status: open(400),
    },
  ],
  "POST /api/submissions/[id]/approve": [
    {
      name: "approving with a fingerprint that is no fingerprint",
      call: () => ({ url: `/api/submissions/${leagueSubmission}/approve`, body: { fingerprint: "x" } }),
      status: open(400),
    },
    {
      name: "approving the league's report having seen something else",
      call: () => ({ url: `/api/submissions/${leagueSubmission}/approve`, body: { fingerprint: "0".repeat(32) } }),
      status: { ...adminOnly, clerk: 404, admin: 409 },
    },
    {
      name: "approving the league's report as the autonomous region, once",
      call: () => ({ url: `/api/submissions/${leagueSubmission}/approve`, body: { fingerprint: leagueFingerprint } }),
      status: { ...adminOnly, clerk: 404 },
      after: async (caller) => {
        const [row] = await rows<{ status: string }>(
          db(),
          sql`select status from submissions where id = ${leagueSubmission}`,
        );
        expect(row.status).toBe(caller === "admin" ? "approved" : "pending");
      },
    },
  ],
  // 揭榜挂帅 as a cycle (rows added below: a challenge, an application, an issue and an evaluation
  // for each of P-ORDOS and P-WUHOU): counts for everyone, applicants named only inside the home region.
  "GET /api/cycle": [
    {
      name: "the cycle of the whole region: counts, no names",
      call: () => ({ url: "/api/cycle?region=150000&year=2023" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = await response.json();
        expect(body.applications).toMatchObject({ applications: 2, applicants: 2, projects: 2 });
        expect(body.issues).toMatchObject({ raised: 2, open: 1, solved: 1, medianDays: 10 });
        expect(JSON.stringify(body)).not.toMatch(/申报甲|申报乙/);
      },
    },
    { name: "a malformed year", call: () => ({ url: "/api/cycle?year=20x3" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/cycle?region=159999" }), status: open(404) },
  ],
  "GET /api/cycle/applications": [
    {
      name: "applications of the whole region: each applicant named only inside the caller's home region",
      call: () => ({ url: "/api/cycle/applications?region=150000&year=2023" }),
      status: open(200),
      check: async (caller, response) => {
        const rows = ((await response.json()) as { rows: { applicant: string | null; regionCode: string }[] }).rows;
        const name = (region: string) => rows.find((r) => r.regionCode === region)?.applicant;
        expect(name("150600")).toBe(caller === "staff" || caller === "admin" ? "申报甲" : null);
        expect(name("150825")).toBe("申报乙");
      },
    },
    { name: "a page that is not a number", call: () => ({ url: "/api/cycle/applications?page=x" }), status: open(400) },
    { name: "an unknown region", call: () => ({ url: "/api/cycle/applications?region=159999" }), status: open(404) },
  ],
  "GET /api/cycle/issues": [
    {
      name: "follow-up issues: departments, no names",
      call: () => ({ url: "/api/cycle/issues?region=150000" }),
      status: open(200),
      check: async (_caller, response) => {
        const body = (await response.json()) as { rows: { status: string }[]; total: number };
        expect(body.total).toBe(2);
        expect(body.rows[0].status).toBe("待解决");
      },
    },
    { name: "an unknown region", call: () => ({ url: "/api/cycle/issues?region=159999" }), status: open(404) },
  ],
  "GET /api/projects/[code]/history": [
    {
      name: "鄂尔多斯's project: its history for all, the names only for 150000 users and admins",
      call: () => ({ url: "/api/projects/P-ORDOS/history" }),
      status: open(200),
      check: async (caller, response) => {
        const body = await response.json();
        const named = caller === "staff" || caller === "admin";
        expect(body.project.leadCadre).toBe(named ? "鄂尔多斯干部" : null);
        expect(body.applications.map((a: { applicant: string | null }) => a.applicant)).toEqual([
          named ? "申报甲" : null,
        ]);
        expect(body.challenge.code).toBe("C-ORDOS");
        expect(body.evaluations).toEqual([expect.objectContaining({ grade: "优秀", use: "提拔使用" })]);
      },
    },
    {
      name: "乌拉特后旗's project: names for everyone whose home region contains it",
      call: () => ({ url: "/api/projects/P-WUHOU/history" }),
      status: open(200),
      check: async (_caller, response) => {
        expect((await response.json()).applications[0].applicant).toBe("申报乙");
      },
    },
    { name: "an unknown project", call: () => ({ url: "/api/projects/P-NONE/history" }), status: open(404) },
  ],
  "GET /api/templates/[dataset]": [
    { name: "the arena template", call: () => ({ url: "/api/templates/arena?format=csv" }), status: open(200) },
  ],
  "GET /api/users": [{ name: "the user list", call: () => ({ url: "/api/users" }), status: adminOnly }],
  "POST /api/users": [
    {
      name: "creating a user",
      call: () => ({
        url: "/api/users",
        body: {
          username: `u${Date.now()}${Math.floor(Math.random() * 1e6)}`,
          name: "新用户",
          role: "admin",
          regionCode: "150000",
          password: "long-enough",
        },
      }),
      status: adminOnly,
    },
  ],
  "PATCH /api/users/[id]": [
    {
      name: "changing a user's home region",
      call: () => ({ url: `/api/users/${targetUserId}`, body: { regionCode: "150600" } }),
      status: adminOnly,
      after: async (caller) => {
        const [target] = await db().select().from(users).where(eq(users.id, targetUserId));
        expect(target.regionCode).toBe(caller === "admin" ? "150600" : "150825");
        await db().update(users).set({ regionCode: "150825" }).where(eq(users.id, targetUserId));
      },
    },
    {
      name: "granting the personnel permission (named evaluations)",
      call: () => ({ url: `/api/users/${targetUserId}`, body: { personnel: true } }),
      status: adminOnly,
      after: async (caller) => {
        const [target] = await db().select().from(users).where(eq(users.id, targetUserId));
        expect(target.personnel).toBe(caller === "admin");
        await db().update(users).set({ personnel: false }).where(eq(users.id, targetUserId));
      },
    },
    ...["yes", 1, null].map((personnel) => ({
      name: `a personnel permission that is no yes or no: ${JSON.stringify(personnel)}`,
      call: () => ({ url: `/api/users/${targetUserId}`, body: { personnel } }),
      status: open(400),
      after: async () => {
        const [target] = await db().select().from(users).where(eq(users.id, targetUserId));
        expect(target.personnel).toBe(false);
      },
    })),
    ...["junk", "%00", "x".repeat(300), "00000000-0000-0000-0000-00000000000g"].map((id) => ({
      name: `a user id that is no id: ${id.slice(0, 40)}`,
      call: () => ({ url: `/api/users/${id}`, body: { name: "改名" } }),
      status: open(400),
    })),
    {
      name: "a user that does not exist",
      call: () => ({ url: "/api/users/00000000-0000-4000-8000-000000000000", body: { name: "改名" } }),
      status: { ...adminOnly, admin: 404 },
    },
  ],
  "POST /api/users/[id]/password": [
    {
      name: "resetting a password",
      call: () => ({ url: `/api/users/${targetUserId}/password`, body: { password: "another-one" } }),
      status: adminOnly,
    },
    ...["junk", "%00"].map((id) => ({
      name: `a password for a user id that is no id: ${id}`,
      call: () => ({ url: `/api/users/${id}/password`, body: { password: "another-one" } }),
      status: open(400),
    })),
  ],
  "GET /api/audit": [
    { name: "the audit log", call: () => ({ url: "/api/audit" }), status: adminOnly },
    { name: "a NUL byte in the user", call: () => ({ url: "/api/audit?user=%00" }), status: open(400) },
    { name: "a NUL byte in the action", call: () => ({ url: "/api/audit?action=auth.%00" }), status: open(400) },
    { name: "a control character in the user", call: () => ({ url: "/api/audit?user=a%1Bb" }), status: open(400) },
    { name: "an impossible first day", call: () => ({ url: "/api/audit?from=2023-99-99" }), status: open(400) },
    { name: "an impossible last day", call: () => ({ url: "/api/audit?to=2023-02-30" }), status: open(400) },
    {
      name: "a page beyond any list",
      call: () => ({ url: "/api/audit?page=99999999999999999999" }),
      status: open(400),
    },
    { name: "real days", call: () => ({ url: "/api/audit?from=2024-02-29&to=2024-03-01" }), status: adminOnly },
  ],
  "GET /api/regions": [
    { name: "region search", call: () => ({ url: "/api/regions?q=察右前旗" }), status: open(200) },
    { name: "a NUL byte in the search", call: () => ({ url: "/api/regions?q=%00" }), status: open(400) },
    { name: "a NUL byte inside a name", call: () => ({ url: "/api/regions?q=察右%00前旗" }), status: open(400) },
    { name: "an overlong search", call: () => ({ url: `/api/regions?q=${"察".repeat(200)}` }), status: open(400) },
  ],
  "GET /api/me": [
    {
      name: "who am I",
      call: () => ({ url: "/api/me" }),
      status: open(200),
      check: async (caller, response) => {
        const me = await response.json();
        const account: { regionCode: string; personnel?: boolean } = ACCOUNTS[caller as keyof typeof ACCOUNTS];
        expect(me.regionCode).toBe(account.regionCode);
        expect(me.personnel).toBe(account.personnel === true);
      },
    },
  ],
  // The wall screen's routes: the only ones a display account may call, and nothing named in them.
  "GET /api/screen": [
    {
      name: "the autonomous region's screen: aggregates and region names only",
      call: () => ({ url: "/api/screen?region=150000" }),
      status: { ...open(200), display: 200 },
      check: async (_caller, response) => {
        const text = await response.text();
        for (const name of [...NAMED.staff, "某书记", "乌后书记", "呼市书记", "鄂尔多斯好干部"])
          expect(text).not.toContain(name);
        for (const key of ["submittedBy", "reviewedBy", "secretary", "leadCadre", "cadre", "username"])
          expect(text).not.toContain(`"${key}"`);
        const screen = JSON.parse(text) as { slides: { key: string }[]; version: string };
        expect(screen.slides.map((s) => s.key)).toContain("promotions");
        expect(screen.version).toMatch(/^\d+$/);
      },
    },
    {
      name: "a league's screen, its missing reports outside a banner clerk's reach left out",
      call: () => ({ url: "/api/screen?region=150600" }),
      status: { ...open(200), display: 200 },
      check: async (caller, response) => {
        const screen = (await response.json()) as { outstanding: unknown };
        expect(screen.outstanding === null, caller).toBe(caller === "clerk" || caller === "bayannur");
      },
    },
    { name: "the home region", call: () => ({ url: "/api/screen" }), status: { ...open(200), display: 200 } },
    {
      name: "a malformed region",
      call: () => ({ url: "/api/screen?region=15080x" }),
      status: { ...open(400), display: 400 },
    },
    {
      name: "an unknown region",
      call: () => ({ url: "/api/screen?region=159999" }),
      status: { ...open(404), display: 404 },
    },
  ],
  "GET /api/data-version": [
    {
      name: "the published figures' version",
      call: () => ({ url: "/api/data-version" }),
      status: { ...open(200), display: 200 },
      check: async (_caller, response) => {
        expect(Object.keys(await response.json())).toEqual(["version"]);
      },
    },
  ],
  // better-auth's own routes: sign-in, sign-out, change-password, get-session. They judge the
  // session themselves; here only that a wrong password gets nothing.
  "GET /api/auth/[...all]": [
    {
      name: "get-session",
      call: () => ({ url: "/api/auth/get-session" }),
      status: { anonymous: 200, staff: 200, bayannur: 200, clerk: 200, admin: 200, display: 200 },
    },
  ],
  "POST /api/auth/[...all]": [
    {
      name: "sign-in with a wrong password",
      // Two accounts in turn, so that the callers' six tries stay below the throttle's five per account.
      call: () => ({
        url: "/api/auth/sign-in/username",
        body: { username: ++wrongSignIns % 2 ? "staff" : "bayannur", password: "wrong-password" },
      }),
      status: { anonymous: 401, staff: 401, bayannur: 401, clerk: 401, admin: 401, display: 401 },
    },
  ],
};

/** Server actions and why each is allowed to whom. */
const actions: Record<string, string> = {
  "app/actions/locale.ts#setLocale": "anyone: sets only the caller's own language cookie",
};

async function writeTemp(content: string): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "cadre-routes-"));
  const file = path.join(dir, "file.csv");
  await fs.promises.writeFile(file, content);
  return file;
}

function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function actionFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return /\.tsx?$/.test(entry.name) && /^["']use server["']/m.test(fs.readFileSync(full, "utf8")) ? [full] : [];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function handlers() {
  const found: { key: string; handler: Handler; route: string }[] = [];
  for (const file of routeFiles()) {
    const route = `/${path.dirname(file).replace(/^app\//, "")}`;
    const module = (await import(path.resolve(file))) as Partial<Record<(typeof METHODS)[number], Handler>>;
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) found.push({ key: `${method} ${route}`, handler, route });
    }
  }
  return found;
}

function paramsFor(route: string, url: string): Record<string, string> {
  const params: Record<string, string> = {};
  const routeParts = route.split("/");
  const urlParts = new URL(url, "http://localhost").pathname.split("/");
  routeParts.forEach((part, i) => {
    const match = /^\[(?:\.\.\.)?(\w+)\]$/.exec(part);
    // Next hands route handlers the decoded segment.
    if (match) params[match[1]] = decodeURIComponent(urlParts[i]);
  });
  return params;
}

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  adoptConnection(database);
  await db().insert(promotions).values({ regionCode: "150802", year: 2023, quarter: 4, field: "乡村振兴", count: 5 });
  await db()
    .insert(projects)
    .values([
      {
        code: "P-ORDOS",
        name: "鄂尔多斯项目",
        regionCode: "150600",
        leadCadre: "鄂尔多斯干部",
        takenOn: "2023-03-01",
        stage: "已揭榜",
      },
      {
        code: "P-WUHOU",
        name: "乌后项目",
        regionCode: "150825",
        leadCadre: "乌后干部",
        takenOn: "2023-03-01",
        stage: "已揭榜",
      },
    ]);
  await db()
    .insert(challenges)
    .values([
      {
        code: "C-ORDOS",
        regionCode: "150600",
        industryChain: "新能源",
        title: "招引储能",
        postedOn: "2023-02-01",
        status: "已揭榜",
      },
      {
        code: "C-WUHOU",
        regionCode: "150825",
        industryChain: "化工新材料",
        title: "招引中间体",
        postedOn: "2023-02-01",
        status: "已揭榜",
      },
    ]);
  await db()
    .insert(applications)
    .values([
      {
        challengeCode: "C-ORDOS",
        regionCode: "150600",
        applicant: "申报甲",
        appliedOn: "2023-02-20",
        projectCode: "P-ORDOS",
      },
      {
        challengeCode: "C-WUHOU",
        regionCode: "150825",
        applicant: "申报乙",
        appliedOn: "2023-02-20",
        projectCode: "P-WUHOU",
      },
    ]);
  await db()
    .insert(projectIssues)
    .values([
      {
        projectCode: "P-ORDOS",
        regionCode: "150600",
        issue: "融资担保",
        raisedOn: "2023-03-05",
        solvedOn: "2023-03-15",
        status: "已解决",
      },
      { projectCode: "P-WUHOU", regionCode: "150825", issue: "项目用地审批", raisedOn: "2023-03-05", status: "待解决" },
    ]);
  await db()
    .insert(projectEvaluations)
    .values({ projectCode: "P-ORDOS", regionCode: "150600", year: 2023, grade: "优秀", incentive: "提拔使用" });
  await db()
    .insert(arenaEntries)
    .values({ regionCode: "150600", year: 2023, level: "社区", organisation: "某社区", secretary: "某书记" });
  for (const [username, account] of Object.entries(ACCOUNTS)) {
    await createUser(db(), operator(), { username, name: username, ...account, password: PASSWORD });
  }
  // History from before the cycle ran: the banner clerk's upload was published at once.
  const clerk = await db().select().from(users).where(eq(users.username, "clerk"));
  const report = await runImport(
    db(),
    { ...clerk[0], sessionId: "test", role: "clerk" },
    {
      dataset: "promotions",
      filePath: await writeTemp("地区,年度,季度,领域,人数\n乌拉特后旗,2021,2,防沙治沙,4\n"),
      fileName: "clerk.csv",
      dryRun: false,
      locale: "zh-CN",
      source: "api",
    },
  );
  clerkBatchId = report.batchId as number;
  await openYear(db(), operator(), 2022);
  await refreshDeadlineNotices(db(), "2023-01-20");
  [{ id: periodId }] = await db()
    .select({ id: reportingPeriods.id })
    .from(reportingPeriods)
    .where(
      and(eq(reportingPeriods.dataset, "promotions"), eq(reportingPeriods.year, 2022), eq(reportingPeriods.quarter, 1)),
    );
  targetUserId = (
    await createUser(db(), operator(), {
      username: "target",
      name: "target",
      role: "clerk",
      regionCode: "150825",
      password: PASSWORD,
    })
  ).id;

  const foreign = await runImport(
    db(),
    {
      id: "banner-admin",
      username: "banner-admin",
      name: "banner-admin",
      role: "admin",
      regionCode: "150825",
      sessionId: "t",
    },
    {
      dataset: "arena",
      filePath: await writeTemp("地区,年度,层级,参赛单位,书记\n集宁区,2021,社区,集宁某社区,集宁干部\n"),
      fileName: "admin.csv",
      dryRun: false,
      locale: "zh-CN",
      source: "api",
    },
  );
  foreignBatchId = foreign.batchId as number;
  // Two reports waiting for review: the banner's (sent by another of its clerks) and the league's own.
  const leagueClerk = await createUser(db(), operator(), {
    username: "league-clerk",
    name: "league-clerk",
    role: "clerk",
    regionCode: "150800",
    password: PASSWORD,
  });
  const submit = async (who: { id: string; regionCode: string }, line: string) => {
    const sent = await runImport(
      db(),
      { id: who.id, username: who.id, name: who.id, role: "clerk", regionCode: who.regionCode, sessionId: "t" },
      {
        dataset: "promotions",
        filePath: await writeTemp(`地区,年度,季度,领域,人数\n${line}\n`),
        fileName: "report.csv",
        dryRun: false,
        locale: "zh-CN",
        source: "api",
      },
    );
    expect(sent.submissions).toHaveLength(1);
    return sent.submissions[0].id;
  };
  bannerSubmission = await submit({ id: targetUserId, regionCode: "150825" }, "乌拉特后旗,2022,2,乡村振兴,6");
  leagueSubmission = await submit({ id: leagueClerk.id, regionCode: "150800" }, "巴彦淖尔市,2022,2,乡村振兴,8");
  leagueFingerprint = (await getSubmission(db(), operator(), leagueSubmission, "zh-CN")).changes?.fingerprint ?? "";
  const auth = await getAuth(false);
  for (const username of Object.keys(ACCOUNTS) as Caller[]) {
    const response = await auth.api.signInUsername({ body: { username, password: PASSWORD }, asResponse: true });
    expect(response.status).toBe(200);
    cookies[username] = (response.headers.get("set-cookie") ?? "").split(";")[0];
  }
});

/** Figures for the /api/arena and /api/indicators rules (regions no other rule looks at). */
beforeAll(async () => {
  await db()
    .insert(arenaEntries)
    .values([
      {
        regionCode: "150700",
        year: 2023,
        level: "社区",
        organisation: "某社区",
        secretary: "呼伦贝尔书记",
        score: 91.5,
        rank: 1,
      },
      {
        regionCode: "150825",
        year: 2023,
        level: "嘎查村",
        organisation: "某嘎查",
        secretary: "乌后书记",
        score: 88,
        rank: 1,
      },
    ]);
  await db().execute(
    sql`insert into indicators (region_code, year, quarter, indicator, value, unit, target, rank)
        values ('150700', 2023, 3, '规模以上工业增加值增速', 6.5, '%', 7, 5)`,
  );
});

/** Named evaluations for the personnel rules (personnelRoutes). */
beforeAll(async () => {
  const scores = { political: 85, effectiveness: 86, role: 87, frontline: 88, conduct: 89, satisfaction: 90 };
  const people = [
    ["150700", "呼伦甲"],
    ["150700", "呼伦乙"],
    ["150700", "呼伦丙"],
    ["150825", "乌后甲"],
    ["150825", "乌后乙"],
    ["150825", "乌后丙"],
  ] as const;
  await db()
    .insert(evaluations)
    .values(
      people.map(([regionCode, cadre]) => ({
        regionCode,
        year: 2023,
        cadre,
        unit: "某局",
        conclusion: "称职" as const,
        kind: "日常" as const,
        ...scores,
      })),
    );
  await db()
    .insert(jobFit)
    .values(
      people.map(([regionCode, cadre]) => ({
        regionCode,
        year: 2023,
        cadre,
        unit: "某局",
        index: 72.5,
        grade: "基本适岗" as const,
        action: "无" as const,
      })),
    );
  viewsBefore = await personnelViews();
});

/** Figures for the development datasets' rules: a selected team and cadre, and a contact point too small to show. */
beforeAll(async () => {
  await db()
    .insert(selections)
    .values([
      { regionCode: "150600", year: 2023, category: "干事创业好班子", name: "鄂尔多斯某局领导班子" },
      { regionCode: "150600", year: 2023, category: "担当作为好干部", name: "鄂尔多斯好干部", unit: "鄂尔多斯市某局" },
    ]);
  const branch = { type: "党支部", unitType: "机关", members: 12 } as const;
  [{ id: wuhouOrganisation }, { id: hohhotOrganisation }] = await db()
    .insert(organisations)
    .values([
      {
        ...branch,
        regionCode: "150825",
        name: "中共乌后某局支部",
        unit: "乌后某局",
        electedOn: "2024-03-01",
        secretary: "乌后书记",
      },
      {
        ...branch,
        regionCode: "150100",
        name: "中共呼市某局支部",
        unit: "呼市某局",
        electedOn: "2025-03-01",
        secretary: "呼市书记",
      },
    ])
    .returning({ id: organisations.id });
  await db().insert(routineAssessments).values({
    regionCode: "150782",
    year: 2023,
    quarter: 2,
    contactPoint: "牙克石市某所",
    assessed: 2,
    good: 1,
    fairlyGood: 1,
    average: 0,
    poor: 0,
  });
  await db().insert(memberCare).values({
    regionCode: "150600",
    year: 2023,
    month: 12,
    unit: "鄂尔多斯市某局党支部",
    due: 5,
    celebrated: 4,
  });
});

afterAll(async () => {
  await database?.close();
});

describe("every route handler has a rule", () => {
  it("and every rule a route handler", async () => {
    const found = (await handlers()).map((h) => h.key).sort();
    expect(found).toEqual(Object.keys(routes).sort());
  });

  it("and every server action a rule", () => {
    const found = actionFiles().flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/export async function (\w+)/g)].map((m) => `${file}#${m[1]}`),
    );
    expect(found.sort()).toEqual(Object.keys(actions).sort());
  });
});

describe("route × caller", () => {
  it("answers every caller as the rules say, leaks no names and writes nothing forbidden", async () => {
    const all = await handlers();
    const failures: string[] = [];
    for (const { key, handler, route } of all) {
      for (const testCase of routes[key] ?? []) {
        for (const caller of CALLERS) {
          const method = key.split(" ")[0];
          const { url, body, form } = testCase.call();
          const usersBefore = await userCount();
          const batchesBefore = await batchCount();
          // Browsers send Origin with every state-changing request.
          const headers = new Headers(form ? {} : { "content-type": "application/json" });
          if (method !== "GET") headers.set("origin", "http://localhost:3000");
          const cookie = cookies[caller as Exclude<Caller, "anonymous">];
          if (cookie) headers.set("cookie", cookie);
          const request = new Request(new URL(url, "http://localhost:3000"), {
            method,
            headers,
            body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
          });
          const response = await handler(request, { params: Promise.resolve(paramsFor(route, url)) });
          const expected = statusOf(testCase.status, caller);
          if (response.status !== expected) {
            failures.push(
              `${key} (${testCase.name}) as ${caller}: ${response.status}, expected ${expected}: ${await response.text()}`,
            );
            continue;
          }
          if (expected >= 400 && method !== "GET" && !key.includes("/api/auth/")) {
            expect(await userCount(), `${key} as ${caller} wrote a user`).toBe(usersBefore);
            expect(await batchCount(), `${key} as ${caller} wrote a batch`).toBe(batchesBefore);
          }
          if (response.ok) await testCase.check?.(caller, response);
          await testCase.after?.(caller);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses the 临河区 figure to the 乌拉特后旗 clerk with a message naming both regions", async () => {
    const handler = (all: Awaited<ReturnType<typeof handlers>>) =>
      all.find((h) => h.key === "POST /api/figures")?.handler as Handler;
    const before = await promotionCount("150802");
    const response = await handler(await handlers())(
      new Request("http://localhost:3000/api/figures", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies.clerk as string },
        body: JSON.stringify({
          dataset: "promotions",
          region: "150802",
          year: 2023,
          quarter: 4,
          key: "乡村振兴",
          count: 1,
        }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe(
      "您只能填报本地区乌拉特后旗（150825）及下级地区的数据，临河区（150802）不在其中。",
    );
    expect(await promotionCount("150802")).toBe(before);
  });
});

/** The names a zod schema accepts at its top level, through refinements, transforms and pipes. */
function keysOf(schema: unknown): string[] {
  let current = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown } } | undefined;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.shape) return Object.keys(current.shape);
    current = (current.def?.in ?? current.def?.innerType) as typeof current;
  }
  return [];
}

const HOSTILE = ["\u0000", "a\u0000b", "\u001b[31m", "x".repeat(10_000), "9".repeat(40), "-1", "1e309", "%", "\ud83d"];

describe("bad input never gives 500", () => {
  it("NUL bytes, control characters and overlong values in every query parameter of every route", async () => {
    const failures: string[] = [];
    for (const { key, handler, route } of await handlers()) {
      const schemas = (handler as { schemas?: { query?: unknown } }).schemas;
      const names = keysOf(schemas?.query);
      if (names.length === 0) continue;
      const method = key.split(" ")[0];
      // A valid path: the first rule's URL (its segments, if any, are real).
      const base = new URL(routes[key][0].call().url, "http://localhost:3000");
      for (const name of names) {
        for (const value of HOSTILE) {
          const url = new URL(base);
          url.searchParams.set(name, value);
          for (const caller of ["staff", "admin"] as const) {
            const headers = new Headers({ cookie: cookies[caller] as string, origin: "http://localhost:3000" });
            if (method !== "GET") headers.set("content-type", "application/json");
            const request = new Request(url, { method, headers, body: method === "GET" ? undefined : "{}" });
            const response = await handler(request, { params: Promise.resolve(paramsFor(route, url.toString())) });
            if (response.status >= 500)
              failures.push(`${key} ${name}=${JSON.stringify(value.slice(0, 12))} as ${caller}: ${response.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("NUL bytes, control characters, junk and overlong values in every path segment of every route", async () => {
    const failures: string[] = [];
    for (const { key, handler, route } of await handlers()) {
      const segments = route.split("/").filter((part) => /^\[/.test(part));
      if (segments.length === 0) continue;
      const method = key.split(" ")[0];
      for (const value of [...HOSTILE, "abc", "0", "1.5", "9999999999999", "../..", " "]) {
        const params = Object.fromEntries(segments.map((s) => [s.replace(/[[\].]/g, ""), value]));
        for (const caller of ["staff", "admin"] as const) {
          const headers = new Headers({ cookie: cookies[caller] as string, origin: "http://localhost:3000" });
          if (method !== "GET") headers.set("content-type", "application/json");
          const request = new Request(new URL(route.replace(/\[[^\]]+\]/g, "x"), "http://localhost:3000"), {
            method,
            headers,
            body: method === "GET" ? undefined : "{}",
          });
          const response = await handler(request, { params: Promise.resolve(params) });
          if (response.status >= 500)
            failures.push(`${key} ${JSON.stringify(value.slice(0, 12))} as ${caller}: ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
