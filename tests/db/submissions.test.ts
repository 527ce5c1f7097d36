import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCountFigure } from "@/db/mutations/figures";
import { lockPeriod, openYear } from "@/db/mutations/periods";
import { approveSubmission, returnSubmission } from "@/db/mutations/submissions";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { listNotices } from "@/db/queries/notices";
import { getRanking } from "@/db/queries/rankings";
import { getReport } from "@/db/queries/report";
import { outstandingReports, reportingBoard } from "@/db/queries/reporting";
import { rows } from "@/db/queries/sql";
import { listSubmissions } from "@/db/queries/submissions";
import { getSummary } from "@/db/queries/summary";
import type { RequestRefused } from "@/lib/auth/errors";
import { canReview, publishesDirectly, type Viewer } from "@/lib/auth/permissions";
import { apiMessage } from "@/server/http";
import { getSubmission } from "@/server/import/review";
import { testDatabase } from "../helpers/db";
import { refusedWith, uploadPromotions } from "../helpers/promotions";
import { person } from "../helpers/viewers";

const admin = person("admin", "admin", "150000");
const rootClerk = person("root-clerk", "clerk", "150000");
const reviewer = person("bayannur-clerk", "clerk", "150800");
const secondReviewer = person("bayannur-clerk-2", "clerk", "150800");
const wuhou = person("wuhou-clerk", "clerk", "150825");
const linhe = person("linhe-clerk", "clerk", "150802");
const baotouClerk = person("baotou-clerk", "clerk", "150200");
const leader = person("bayannur-leader", "viewer", "150800");
const staff = person("staff", "viewer", "150000");

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;

const upload = (actor: Viewer, lines: string[], dryRun = false) => uploadPromotions(db(), actor, lines, dryRun);

const published = async (region: string, year: number, quarter: number) =>
  rows<{ field: string; count: number }>(
    db(),
    sql`select field::text, count from promotions where region_code = ${region} and year = ${year} and quarter = ${quarter}
        order by field`,
  );

const statusOf = async (id: number) =>
  (await rows<{ status: string }>(db(), sql`select status from submissions where id = ${id}`))[0]?.status;

let first = 0;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  // Last year's figures and this year's first quarter, published by the top, before the cycle runs.
  const baseline = await upload(admin, [
    "乌拉特后旗,2022,2,乡村振兴,10",
    "乌拉特后旗,2022,2,招商引资,10",
    "乌拉特后旗,2023,1,乡村振兴,3",
    "临河区,2023,1,乡村振兴,5",
  ]);
  expect(baseline.errors).toEqual([]);
  expect(baseline.batchId).not.toBeNull();
  await openYear(db(), rootClerk, 2023);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("who publishes and who reviews", () => {
  it("publishes at the top of the tree; reviews at the parent of the reporting region, never one's own", () => {
    expect([admin, rootClerk, reviewer, wuhou, leader].map(publishesDirectly)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const banner = { regionParent: "150800", submittedBy: "wuhou-clerk" };
    expect(
      [admin, rootClerk, reviewer, secondReviewer, wuhou, linhe, baotouClerk, leader].map((p) => canReview(p, banner)),
    ).toEqual([false, false, true, true, false, false, false, false]);
    // A league's own report goes to the autonomous region; whoever sent it may not decide on it.
    const league = { regionParent: "150000", submittedBy: "root-clerk" };
    expect([admin, rootClerk, reviewer].map((p) => canReview(p, league))).toEqual([true, false, false]);
  });
});

describe("submitting", () => {
  it("makes a banner clerk's checked upload a pending submission, published nowhere", async () => {
    const report = await upload(wuhou, ["乌拉特后旗,2023,2,乡村振兴,30", "乌拉特后旗,2023,2,招商引资,4"]);
    expect(report.errors).toEqual([]);
    expect(report.batchId).toBeNull();
    expect(report.submissions).toMatchObject([{ dataset: "promotions", year: 2023, quarter: 2, version: 1 }]);
    first = report.submissions[0].id;
    expect(await published("150825", 2023, 2)).toEqual([]);
    // Not in any read: the summary, the ranking, the report text, the reporting board and the outstanding list.
    const summary = await getSummary(db(), staff, { region: "150825", year: 2023, quarter: 2 });
    expect(summary?.promotions.total).toBe(0);
    const ranking = await getRanking(db(), staff, {
      region: "150800",
      period: { kind: "quarter", year: 2023, quarter: 2 },
      metric: "promotions",
    });
    expect(ranking?.rows.find((r) => r.code === "150825")?.value ?? 0).toBe(0);
    const text = await getReport(db(), staff, {
      region: "150825",
      period: { kind: "quarter", year: 2023, quarter: 2 },
    });
    expect(text?.promotions.total.total).toBe(0);
    const board = await reportingBoard(db(), "150800", 2, 2023);
    const wuhouRow = board.find((r) => r.code === "150825");
    expect(wuhouRow?.cells["promotions:2"]).toBeUndefined();
    expect(wuhouRow?.states["promotions:2"]).toEqual({ pending: 1, returned: 0 });
    const outstanding = await outstandingReports(db(), reviewer, {
      region: "150800",
      year: 2023,
      dataset: "promotions",
    });
    expect(outstanding?.find((r) => r.code === "150825" && r.quarter === 2)?.state).toBe("pending");
    expect(outstanding?.find((r) => r.code === "150802" && r.quarter === 2)?.state).toBe("missing");
  });

  it("refuses rows of a period that is not open, naming the row and the period", async () => {
    const report = await upload(wuhou, ["乌拉特后旗,2024,1,乡村振兴,1"]);
    expect(report.ok).toBe(false);
    expect(report.errors).toMatchObject([
      { row: 2, column: "年度", message: expect.stringContaining("2024年第1季度的报送周期尚未开启") },
    ]);
    expect(
      await rows(
        db(),
        sql`select 1 from submissions where period_id not in (select id from reporting_periods where year = 2023)`,
      ),
    ).toEqual([]);
  });

  it("replaces the open version with a later upload, keeping it as history", async () => {
    const report = await upload(wuhou, ["乌拉特后旗,2023,2,乡村振兴,31", "乌拉特后旗,2023,2,招商引资,4"]);
    expect(report.submissions).toMatchObject([{ version: 2 }]);
    expect(await statusOf(first)).toBe("superseded");
    first = report.submissions[0].id;
    const open = await rows(db(), sql`select id from submissions where status in ('pending', 'returned')`);
    expect(open).toEqual([{ id: first }]);
  });

  it("adds a figure entered by hand to the open version, as a new one", async () => {
    const result = await writeCountFigure(db(), wuhou, {
      dataset: "promotions",
      region: "150825",
      year: 2023,
      quarter: 2,
      key: "基层治理",
      count: 2,
    });
    expect(result.submission).toMatchObject({ version: 3 });
    expect(await statusOf(first)).toBe("superseded");
    first = result.submission?.id ?? 0;
    const data = await rows<{ field: string }>(
      db(),
      sql`select data->>'field' as field from submission_rows where submission_id = ${first} order by row_number`,
    );
    expect(data.map((d) => d.field)).toEqual(["乡村振兴", "招商引资", "基层治理"]);
    expect(await published("150825", 2023, 2)).toEqual([]);
  });
});

describe("reviewing", () => {
  it("lists the queue for the league's clerks only; others cannot read the submission at all", async () => {
    const queue = await listSubmissions(db(), reviewer);
    expect(queue.queue.map((s) => s.id)).toEqual([first]);
    expect(queue.queue[0]).toMatchObject({ regionName: "乌拉特后旗", status: "pending", canReview: true });
    expect((await listSubmissions(db(), wuhou)).queue).toEqual([]);
    expect((await listSubmissions(db(), wuhou)).recent.map((s) => s.id)).toEqual([first]);
    expect((await listSubmissions(db(), linhe)).recent).toEqual([]);
    expect((await listSubmissions(db(), baotouClerk)).recent).toEqual([]);
    expect(await refusedWith(listSubmissions(db(), leader))).toBe("403 forbiddenRole");
    expect(await refusedWith(getSubmission(db(), baotouClerk, first, "zh-CN"))).toBe("404 review.api.notFound");
    expect(await refusedWith(getSubmission(db(), linhe, first, "zh-CN"))).toBe("404 review.api.notFound");
  });

  it("shows the reviewer the diff against the published figures and year-on-year warnings", async () => {
    const detail = await getSubmission(db(), reviewer, first, "zh-CN");
    expect(detail.changes).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(detail.changes?.preview.map((p) => p.after.count)).toEqual([31, 4, 2]);
    // 乡村振兴 10 → 31 and 招商引资 10 → 4 against 2022 Q2, and their shares move too.
    const warnings = detail.changes?.warnings ?? [];
    expect(warnings).toContainEqual({
      row: 2,
      kind: "yearMove",
      key: "150825 · 2023 · 2 · 乡村振兴",
      column: "count",
      before: "10",
      after: "31",
    });
    expect(warnings.filter((w) => w.kind === "shareJump").map((w) => w.key.split(" · ")[3])).toEqual([
      "乡村振兴",
      "招商引资",
    ]);
    // 基层治理 had nothing last year to move from.
    expect(warnings.some((w) => w.key.endsWith("基层治理"))).toBe(false);
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [3, "pending"],
      [2, "superseded"],
      [1, "superseded"],
    ]);
  });

  it("refuses a clerk deciding on their own region's report, and anyone outside the league above", async () => {
    expect(await refusedWith(approveSubmission(db(), wuhou, first, ""))).toBe("403 review.api.ownSubmission");
    expect(await refusedWith(returnSubmission(db(), linhe, first, "x"))).toBe("404 review.api.notFound");
    expect(await refusedWith(approveSubmission(db(), rootClerk, first, ""))).toBe("403 review.api.notReviewer");
    expect(await refusedWith(approveSubmission(db(), baotouClerk, first, ""))).toBe("404 review.api.notFound");
  });

  it("returns with a reason the clerk hears of; a second decision is told the first", async () => {
    expect(await returnSubmission(db(), reviewer, first, "乡村振兴人数与台账不符")).toMatchObject({
      status: "returned",
    });
    expect(await refusedWith(approveSubmission(db(), secondReviewer, first, ""))).toBe(
      "409 review.api.already.returned",
    );
    const { notices } = await listNotices(db(), wuhou);
    expect(notices.find((n) => n.kind === "returned")?.detail).toMatchObject({ reason: "乡村振兴人数与台账不符" });
    const { notices: reviewerNotices } = await listNotices(db(), reviewer);
    expect(reviewerNotices.filter((n) => n.kind === "submitted").length).toBe(3);
    const outstanding = await outstandingReports(db(), reviewer, {
      region: "150800",
      year: 2023,
      dataset: "promotions",
    });
    expect(outstanding?.find((r) => r.code === "150825" && r.quarter === 2)?.state).toBe("returned");
  });

  it("shows what changed since the returned version when the clerk submits again", async () => {
    const report = await upload(wuhou, [
      "乌拉特后旗,2023,2,乡村振兴,12",
      "乌拉特后旗,2023,2,招商引资,4",
      "乌拉特后旗,2023,2,基层治理,2",
    ]);
    expect(await statusOf(first)).toBe("superseded");
    // The returned version is history now: nobody decides on it any more.
    expect(await refusedWith(approveSubmission(db(), reviewer, first, ""))).toBe("409 review.api.already.superseded");
    expect(await refusedWith(returnSubmission(db(), reviewer, first, "再退"))).toBe(
      "409 review.api.already.superseded",
    );
    first = report.submissions[0].id;
    const detail = await getSubmission(db(), reviewer, first, "zh-CN");
    expect(detail.sinceReturned).toMatchObject({ version: 3, total: 1, removed: 0 });
    expect(detail.sinceReturned?.changes[0]).toMatchObject({ before: { count: 31 }, after: { count: 12 } });
    expect(detail.versions.find((v) => v.version === 3)?.reason).toBe("乡村振兴人数与台账不符");
  });

  it("refuses an approval once the published figures moved after the reviewer looked", async () => {
    const seen = (await getSubmission(db(), reviewer, first, "zh-CN")).changes?.fingerprint ?? "";
    await upload(admin, ["乌拉特后旗,2023,2,招商引资,1"]);
    expect(await refusedWith(approveSubmission(db(), reviewer, first, seen))).toBe("409 review.api.changedSinceOpened");
    expect(await statusOf(first)).toBe("pending");
  });

  it("publishes exactly the previewed changes in one batch, once, whoever of two reviewers is first", async () => {
    const detail = await getSubmission(db(), reviewer, first, "zh-CN");
    expect(detail.changes).toMatchObject({ inserted: 2, updated: 1, unchanged: 0 });
    const seen = detail.changes?.fingerprint ?? "";
    const outcomes = await Promise.allSettled([
      approveSubmission(db(), reviewer, first, seen),
      approveSubmission(db(), secondReviewer, first, seen),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost.map((o) => (o.reason as RequestRefused).reason)).toEqual(["review.api.already.approved"]);
    const byField = (list: { field: unknown; count: unknown }[]) =>
      Object.fromEntries(list.map((r) => [String(r.field), Number(r.count)]));
    expect(byField(await published("150825", 2023, 2))).toEqual(
      byField(detail.changes?.preview.map((p) => ({ field: p.key.split(" · ")[3], count: p.after.count })) ?? []),
    );
    const [approval] = await rows<{ detail: Record<string, unknown> }>(
      db(),
      sql`select detail from audit_log where action = 'submission.approve'`,
    );
    expect(approval.detail).toMatchObject({ submissionId: first, inserted: 2, updated: 1 });
    expect((await listNotices(db(), wuhou)).notices.some((n) => n.kind === "approved")).toBe(true);
    const summary = await getSummary(db(), staff, { region: "150825", year: 2023, quarter: 2 });
    expect(summary?.promotions.total).toBe(18);
  });

  it("lets the reviewing level, not the banner's clerk, undo the approved batch", async () => {
    const [{ batchId }] = await rows<{ batchId: number }>(
      db(),
      sql`select batch_id as "batchId" from submissions where id = ${first}`,
    );
    expect(await refusedWith(undoBatch(db(), wuhou, batchId))).toBe("403 review.api.undoAbove");
  });
});

describe("locking", () => {
  it("is refused while a report of the part waits for review, though every report is in", async () => {
    const bayannur = ["巴彦淖尔市", "临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗"];
    await upload(
      admin,
      bayannur.map((name) => `${name},2023,3,乡村振兴,1`),
    );
    const correction = await upload(linhe, ["临河区,2023,3,乡村振兴,2"]);
    expect(correction.submissions).toHaveLength(1);
    const [period] = await rows<{ id: number }>(
      db(),
      sql`select id from reporting_periods where dataset = 'promotions' and year = 2023 and quarter = 3`,
    );
    expect(await refusedWith(lockPeriod(db(), reviewer, period.id, "150800"))).toBe("409 periods.api.openSubmissions");
    const board = await reportingBoard(db(), "150800", 2, 2023);
    expect(board.find((r) => r.code === "150802")?.states["promotions:3"]).toEqual({ pending: 1, returned: 0 });
  });
});

describe("the refusals", () => {
  it("read as sentences in both languages, never as keys", () => {
    const reasons = [
      "review.api.notFound",
      "review.api.ownSubmission",
      "review.api.notReviewer",
      "review.api.already.approved",
      "review.api.already.returned",
      "review.api.already.superseded",
      "review.api.changedSinceOpened",
      "review.api.locked",
      "review.api.reasonNeeded",
      "review.api.fingerprintNeeded",
      "review.api.undoAbove",
      "periods.api.openSubmissions",
      "periodNotOpen",
      "invalid.returnReason",
    ];
    for (const reason of reasons) {
      for (const locale of ["zh-CN", "en"] as const) {
        const text = apiMessage(locale, reason, {
          id: 1,
          version: 2,
          reviewer: "某人",
          region: "巴彦淖尔市",
          count: 1,
          year: 2024,
          quarter: 4,
        });
        expect(text, `${locale} ${reason}`).not.toMatch(/^(review|periods|invalid)\.|^periodNotOpen$/);
      }
    }
  });
});
