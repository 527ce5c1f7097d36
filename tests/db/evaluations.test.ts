import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getAdjustments } from "@/db/queries/adjustments";
import { getEvaluations, listEvaluationRecords } from "@/db/queries/evaluations";
import { getJobFit, listJobFitRecords } from "@/db/queries/job-fit";
import { rows } from "@/db/queries/sql";
import { auditLog, evaluations } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { evaluationConclusions, MIN_GROUP } from "@/lib/contract";
import type { Period } from "@/lib/view";
import { testDatabase } from "../helpers/db";

/**
 * 五看一测 and 适岗指数: roll-ups (a league is its banners plus 本级), the suppression of groups of
 * fewer than three people, names only for the personnel permission inside the home region, and
 * one audit row for every page that shows a name.
 */
const viewer = (id: string, regionCode: string, extra: Partial<Viewer> = {}): Viewer => ({
  id,
  username: id,
  name: id,
  sessionId: "test",
  role: "viewer",
  regionCode,
  ...extra,
});
const staff = viewer("staff", "150000", { personnel: true });
const staffWithout = viewer("staff-plain", "150000");
const bayannur = viewer("bayannur", "150800", { personnel: true });
const wuhouClerk = viewer("wuhou-clerk", "150825", { role: "clerk" });
const admin = viewer("admin", "150000", { role: "admin", personnel: true });

const year2023: Period = { kind: "year", year: 2023 };
const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((s, item) => s + of(item), 0);

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;

async function personnelViews(actor: string) {
  return db()
    .select({ detail: auditLog.detail, regionCode: auditLog.regionCode, ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.action, "personnel.view"), eq(auditLog.actor, actor)))
    .orderBy(auditLog.id);
}

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 180_000);
afterAll(async () => {
  await database?.close();
});

describe("roll-ups", () => {
  it.each(["150000", "150800", "150200"])(
    "evaluations of %s: the children (本级 first) add up to the total",
    async (region) => {
      const view = await getEvaluations(db(), staff, { region, period: year2023 });
      if (!view) throw new Error(`no view of ${region}`);
      expect(view.total.evaluated).toBeGreaterThan(0);
      expect(sum(view.children, (c) => c.evaluated)).toBe(view.total.evaluated);
      expect(view.children.find((c) => c.own)?.evaluated ?? 0).toBe(view.own.evaluated);
      for (const conclusion of evaluationConclusions) {
        expect(sum(view.children, (c) => c.conclusions?.[conclusion] ?? 0)).toBe(view.total.conclusions?.[conclusion]);
      }
      for (const child of view.children.filter((c) => !c.own)) {
        const own = await getEvaluations(db(), staff, { region: child.code, period: year2023 });
        expect(own?.total, child.code).toEqual(
          expect.objectContaining({ evaluated: child.evaluated, means: child.means }),
        );
      }
      // The trend's year is the period's total.
      expect(view.trend.find((y) => y.year === 2023)?.evaluated).toBe(view.total.evaluated);
    },
  );

  it("the league's mean is the mean over its records, computed in SQL", async () => {
    const [row] = await rows<{ mean: number }>(
      db(),
      sql`select round(avg(e.political), 1)::float8 as mean from evaluations e join regions g on g.code = e.region_code
          where g.ancestors @> array['150800']::text[] and e.year = 2023`,
    );
    const view = await getEvaluations(db(), staff, { region: "150800", period: year2023 });
    expect(view?.total.means?.political).toBe(row.mean);
  });

  it.each(["150000", "150800"])(
    "job fit of %s: assessed and 能上能下 add up, beside the adjustments page",
    async (region) => {
      const view = await getJobFit(db(), staff, { region, period: year2023 });
      if (!view) throw new Error(`no view of ${region}`);
      expect(view.total.assessed).toBeGreaterThan(0);
      expect(sum(view.children, (c) => c.assessed)).toBe(view.total.assessed);
      expect(sum(view.children, (c) => c.adjustments.down)).toBe(view.total.adjustments.down);
      const adjustments = await getAdjustments(db(), staff, { region, period: year2023 });
      expect(view.total.adjustments).toEqual(adjustments?.total);
      for (const child of view.children.filter((c) => !c.own)) {
        const own = await getJobFit(db(), staff, { region: child.code, period: year2023 });
        expect(own?.total.assessed, child.code).toBe(child.assessed);
        expect(own?.total.adjustments, child.code).toEqual(child.adjustments);
      }
      const buckets = view.total.buckets;
      expect(buckets && Object.values(buckets).reduce((a, b) => a + b, 0)).toBe(view.total.assessed);
    },
  );

  it("a range of years is the sum of its years", async () => {
    const range = await getJobFit(db(), staff, { region: "150800", period: { kind: "range", from: 2022, to: 2023 } });
    const y2022 = await getJobFit(db(), staff, { region: "150800", period: { kind: "year", year: 2022 } });
    const y2023 = await getJobFit(db(), staff, { region: "150800", period: year2023 });
    expect(range?.total.assessed).toBe((y2022?.total.assessed ?? 0) + (y2023?.total.assessed ?? 0));
  });
});

describe("suppression of small groups", () => {
  it("a demo banner-year with one or two job-fit records shows its count only", async () => {
    const [small] = await rows<{ region: string; parent: string; year: number; n: number }>(
      db(),
      sql`select j.region_code as region, g.parent_code as parent, j.year, count(*)::int as n
          from job_fit j join regions g on g.code = j.region_code
          where g.level = 'county' group by 1, 2, 3 having count(*) < ${MIN_GROUP} order by 1, 3 limit 1`,
    );
    expect(small, "the demo holds a small group").toBeDefined();
    const period: Period = { kind: "year", year: small.year };
    const league = await getJobFit(db(), staff, { region: small.parent, period });
    const child = league?.children.find((c) => c.code === small.region);
    expect(child).toMatchObject({
      assessed: small.n,
      suppressed: true,
      mean: null,
      buckets: null,
      unfit: null,
      unfitShare: null,
      actions: null,
      unfitActions: null,
    });
    // Its count still rolls up; the league as a whole is large enough to be shown.
    expect(league?.total.suppressed).toBe(false);
    const own = await getJobFit(db(), staff, { region: small.region, period });
    expect(own?.total).toMatchObject({ assessed: small.n, suppressed: true, mean: null });
  });

  it("two evaluations are suppressed, three are shown", async () => {
    const base = { regionCode: "150825", year: 2019, unit: "乌拉特后旗测试局", kind: "日常" as const };
    const scores = { political: 80, effectiveness: 82, role: 84, frontline: 86, conduct: 88, satisfaction: 90 };
    await db()
      .insert(evaluations)
      .values([
        { ...base, cadre: "测甲", conclusion: "称职", ...scores },
        { ...base, cadre: "测乙", conclusion: "优秀", ...scores },
      ]);
    const period: Period = { kind: "year", year: 2019 };
    const two = await getEvaluations(db(), staff, { region: "150800", period });
    expect(two?.total).toEqual({
      evaluated: 2,
      people: 2,
      suppressed: true,
      means: null,
      conclusions: null,
      kinds: null,
    });
    expect(two?.children.find((c) => c.code === "150825")).toMatchObject({
      evaluated: 2,
      suppressed: true,
      means: null,
    });
    // The same cadre twice is still one person.
    await db()
      .insert(evaluations)
      .values({ ...base, quarter: 2, kind: "实干型专项", cadre: "测乙", conclusion: "优秀", ...scores });
    expect((await getEvaluations(db(), staff, { region: "150825", period }))?.total).toMatchObject({
      evaluated: 3,
      people: 2,
      suppressed: true,
    });
    await db()
      .insert(evaluations)
      .values({ ...base, cadre: "测丙", conclusion: "称职", ...scores });
    const three = await getEvaluations(db(), staff, { region: "150825", period });
    expect(three?.total).toMatchObject({
      evaluated: 4,
      people: 3,
      suppressed: false,
      means: { political: 80, satisfaction: 90 },
      conclusions: { 优秀: 2, 称职: 2, 基本称职: 0, 不称职: 0 },
      kinds: { 日常: 3, 实干型专项: 1 },
    });
  });
});

describe("names", () => {
  it("a personnel account at 150000 sees every record by name, and the view is audited", async () => {
    const before = (await personnelViews(staff.id)).length;
    const list = await listEvaluationRecords(
      db(),
      staff,
      { region: "150800", period: year2023, page: 1 },
      { ip: "10.0.0.1" },
    );
    expect(list?.rows.length).toBe(50);
    expect(list?.hidden).toBe(0);
    expect(list?.hiddenReason).toBeNull();
    expect(list?.rows.every((r) => r.cadre && r.unit && r.regionCode.startsWith("1508"))).toBe(true);
    const views = await personnelViews(staff.id);
    expect(views).toHaveLength(before + 1);
    expect(views.at(-1)).toEqual({
      regionCode: "150800",
      ip: "10.0.0.1",
      detail: {
        dataset: "evaluations",
        door: "list",
        count: 50,
        subjects: list?.rows.map((r) => `${r.cadre} · ${r.unit}`),
      },
    });
  });

  it("an administrator needs the permission too", async () => {
    const list = await listJobFitRecords(db(), { ...admin, personnel: false }, { region: "150800", period: year2023 });
    expect(list?.rows).toEqual([]);
    expect(list?.hiddenReason).toBe("permission");
  });

  it.each([
    ["a 150000 viewer without the personnel permission", staffWithout, "permission"],
    ["the 乌拉特后旗 clerk (no permission), even at home", wuhouClerk, "permission"],
  ] as const)("%s sees no name", async (_label, who, reason) => {
    for (const region of ["150000", "150825"]) {
      const evaluationsList = await listEvaluationRecords(db(), who, { region, period: year2023 });
      const jobFitList = await listJobFitRecords(db(), who, { region, period: year2023 });
      for (const list of [evaluationsList, jobFitList]) {
        expect(list?.rows).toEqual([]);
        expect(list?.total).toBe(0);
        expect(list?.hidden).toBeGreaterThan(0);
        expect(list?.hiddenReason).toBe(reason);
      }
    }
    expect(await personnelViews(who.id)).toEqual([]);
  });

  it("a league's personnel official sees its own records by name, none of another league's", async () => {
    const all = await listJobFitRecords(db(), bayannur, { region: "150000", period: year2023 });
    const [inLeague] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from job_fit j join regions g on g.code = j.region_code
          where g.ancestors @> array['150800']::text[] and j.year = 2023`,
    );
    expect(all?.total).toBe(inLeague.n);
    expect(all?.hidden).toBeGreaterThan(0);
    expect(all?.hiddenReason).toBe("scope");
    expect(all?.rows.every((r) => r.regionCode.startsWith("1508"))).toBe(true);

    const before = (await personnelViews(bayannur.id)).length;
    const other = await listEvaluationRecords(db(), bayannur, { region: "150600", period: year2023 });
    expect(other?.rows).toEqual([]);
    expect(other?.hiddenReason).toBe("scope");
    expect(await personnelViews(bayannur.id)).toHaveLength(before);
  });

  it("every page shown writes its own row; an empty page writes none", async () => {
    const before = (await personnelViews(bayannur.id)).length;
    const first = await listJobFitRecords(db(), bayannur, { region: "150825", period: year2023, page: 1 });
    const again = await listJobFitRecords(db(), bayannur, { region: "150825", period: year2023, page: 1 });
    const beyond = await listJobFitRecords(db(), bayannur, { region: "150825", period: year2023, page: 99 });
    expect(first?.rows.length).toBeGreaterThan(0);
    expect(again?.rows).toEqual(first?.rows);
    expect(beyond?.rows).toEqual([]);
    const views = await personnelViews(bayannur.id);
    expect(views).toHaveLength(before + 2);
    expect(views.at(-1)?.detail).toMatchObject({ dataset: "job_fit", door: "list", count: first?.rows.length });
  });

  it("an unknown region is null (the route's 404)", async () => {
    expect(await listEvaluationRecords(db(), staff, { region: "159999" })).toBeNull();
    expect(await getJobFit(db(), staff, { region: "159999" })).toBeNull();
  });
});
