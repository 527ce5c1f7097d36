import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markAllRead, refreshDeadlineNotices } from "@/db/mutations/notices";
import { lockPeriod, openYear } from "@/db/mutations/periods";
import { prepareDatabase } from "@/db/prepare";
import { listNotices, unreadCount } from "@/db/queries/notices";
import { notices, reportingPeriods } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { runImport } from "@/server/import/pipeline";
import { deliverNotices, robotMessage, robotUrl } from "@/server/notices/robot";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";
import { tempFile } from "../helpers/xlsx";

const admin = person("admin", "admin", "150000");
const leagueClerk = person("bayannur-clerk", "clerk", "150800");
const bannerClerk = person("wuhou-clerk", "clerk", "150825");
const leader = person("bayannur-leader", "viewer", "150800");
const BAYANNUR = ["巴彦淖尔市", "临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗"];

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const texts = async (viewer: Viewer) =>
  (await listNotices(db(), viewer)).notices.map((n) => `${n.kind} ${n.dataset}${n.quarter ?? ""}`);

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  await openYear(db(), admin, 2023);
  // Every reporting region of Bayannur has reported 2023 Q1 of promotions; nobody else anything.
  const file = tempFile("q1.csv");
  fs.writeFileSync(file, `地区,年度,季度,领域,人数\n${BAYANNUR.map((n) => `${n},2023,1,乡村振兴,3`).join("\n")}\n`);
  const report = await runImport(db(), admin, {
    dataset: "promotions",
    filePath: file,
    fileName: "q1.csv",
    dryRun: false,
    locale: "zh-CN",
    source: "api",
  });
  expect(report.errors).toEqual([]);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("deadline notices", () => {
  it("a week before the deadline: each region whose report is missing hears once", async () => {
    const made = await refreshDeadlineNotices(db(), "2023-04-10");
    // Q1 of promotions, adjustments, routine assessments and political birthdays are due on 04-15:
    // every league and banner misses the last three, all but Bayannur's 8 promotions.
    expect(made).toBe(4 * 115 - 8);
    expect(await refreshDeadlineNotices(db(), "2023-04-12")).toBe(0);
    expect((await texts(bannerClerk)).sort()).toEqual([
      "due_soon adjustments1",
      "due_soon member_care1",
      "due_soon routine_assessments1",
    ]);
    const notice = (await listNotices(db(), bannerClerk)).notices.find((n) => n.dataset === "adjustments");
    expect(notice).toMatchObject({
      regionName: "乌拉特后旗",
      year: 2023,
      quarter: 1,
      detail: { dueOn: "2023-04-15" },
      read: false,
    });
  });

  it("after the deadline: overdue, and the league hears how many below it are missing", async () => {
    await refreshDeadlineNotices(db(), "2023-04-20");
    expect(await texts(bannerClerk)).toEqual(expect.arrayContaining(["overdue adjustments1", "due_soon adjustments1"]));
    const league = (await listNotices(db(), leagueClerk)).notices;
    const below = league.find((n) => n.kind === "overdue_below" && n.dataset === "adjustments");
    expect(below).toMatchObject({ dataset: "adjustments", detail: { missing: 7 } });
    // Bayannur's promotions are all in: no notice of them.
    expect(league.some((n) => n.dataset === "promotions")).toBe(false);
  });

  it("are for clerks and administrators of the region only, and are read per user", async () => {
    expect(await listNotices(db(), leader)).toEqual({ notices: [], unread: 0 });
    expect(await markAllRead(db(), leader)).toEqual({ read: 0 });
    // Due soon and overdue, of adjustments, routine assessments and political birthdays.
    expect(await unreadCount(db(), bannerClerk)).toBe(6);
    expect(await markAllRead(db(), bannerClerk)).toEqual({ read: 6 });
    expect(await unreadCount(db(), bannerClerk)).toBe(0);
    // Another clerk of the same region has not read them.
    expect(await unreadCount(db(), person("wuhou-2", "clerk", "150825"))).toBe(6);
  });

  it("a lock tells every reporting region of the locked part", async () => {
    const [q1] = await db()
      .select({ id: reportingPeriods.id })
      .from(reportingPeriods)
      .where(
        and(
          eq(reportingPeriods.dataset, "promotions"),
          eq(reportingPeriods.year, 2023),
          eq(reportingPeriods.quarter, 1),
        ),
      );
    await lockPeriod(db(), leagueClerk, q1.id, "150800");
    const locked = (await listNotices(db(), bannerClerk)).notices.find((n) => n.kind === "locked");
    expect(locked).toMatchObject({
      dataset: "promotions",
      quarter: 1,
      detail: { lockedBy: "巴彦淖尔市" },
      read: false,
    });
    expect((await listNotices(db(), person("bt", "clerk", "150200"))).notices.some((n) => n.kind === "locked")).toBe(
      false,
    );
  });
});

describe("the group robot", () => {
  let server: http.Server;
  let url = "";
  const received: { path: string; body: { markdown: { content?: string; text?: string } } }[] = [];
  let failNext = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (chunk) => {
        data += chunk;
      });
      req.on("end", () => {
        if (failNext) {
          failNext = false;
          res.writeHead(500).end("{}");
          return;
        }
        received.push({ path: req.url ?? "", body: JSON.parse(data) });
        res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const unsent = async () =>
    (await db().select({ n: sql<number>`count(*)::int` }).from(notices).where(isNull(notices.sentAt)))[0].n;
  const lines = () =>
    received.flatMap((r) => (r.body.markdown.content ?? r.body.markdown.text ?? "").split("\n").slice(1));

  it("sends each notice once, in the robot's markdown, even when two senders run at once", async () => {
    const total = await unsent();
    expect(total).toBeGreaterThan(100);
    const robot = { url, format: "wecom" as const };
    const sent = await Promise.all([
      deliverNotices(db(), robot, { limit: 40 }),
      deliverNotices(db(), robot, { limit: 40 }),
    ]);
    expect(sent[0] + sent[1]).toBe(80);
    expect(lines()).toHaveLength(80);
    expect(new Set(lines()).size).toBe(80);
    expect(received[0].body.markdown.content).toMatch(/^\*\*干部担当作为实绩看板 · 报送提醒\*\*\n> 2023年第1季度/);
    while ((await deliverNotices(db(), robot, { limit: 40 })) > 0);
    expect(await unsent()).toBe(0);
    expect(lines()).toHaveLength(total);
    expect(lines()).toContain("> 2023年第1季度能上能下将于 2023-04-15 截止，乌拉特后旗尚未报送。");
    expect(lines()).toContain("> 2023年第1季度提拔使用已由巴彦淖尔市锁定，数据不能再修改。");
    expect(await deliverNotices(db(), robot)).toBe(0);
  });

  it("gives the notices back when the robot refuses them, for the next run", async () => {
    await refreshDeadlineNotices(db(), "2023-07-20");
    const waiting = await unsent();
    expect(waiting).toBeGreaterThan(0);
    failNext = true;
    await expect(deliverNotices(db(), { url, format: "wecom" })).rejects.toThrow(/robot answered 500/);
    expect(await unsent()).toBe(waiting);
  });

  it("signs DingTalk's address with the secret and writes its markdown", () => {
    const signed = new URL(
      robotUrl(
        { url: "https://oapi.dingtalk.com/robot/send?access_token=t", format: "dingtalk", secret: "SEC1" },
        1_700_000_000_000,
      ),
    );
    expect(signed.searchParams.get("timestamp")).toBe("1700000000000");
    expect(signed.searchParams.get("sign")).toBe(
      createHmac("sha256", "SEC1").update("1700000000000\nSEC1").digest("base64"),
    );
    expect(robotMessage("dingtalk", "标题", ["一", "二"])).toEqual({
      msgtype: "markdown",
      markdown: { title: "标题", text: "#### 标题\n- 一\n- 二" },
    });
  });
});
