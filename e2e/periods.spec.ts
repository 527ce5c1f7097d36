import { expect, type Page, test } from "@playwright/test";
import { quarterlyDatasets, reportedDatasets } from "../lib/contract";
import { signIn } from "./fixtures";

/**
 * The reporting calendar against the demo, whose years 2021–2024 are opened with their default
 * deadlines (all passed) and whose 2021–2023 reports are all in: the league clerk of 巴彦淖尔市
 * locks a quarter of its part, a banner clerk below it is refused that quarter's figures, and the
 * league reopens it with a reason.
 */
/** The periods a year opens: four quarters of each quarterly dataset, the year of each other one reported. */
const PERIODS_A_YEAR = reportedDatasets.length + 3 * quarterlyDatasets.length;
const row = (page: Page, period: string) => page.getByTestId("periods-table").locator(`tr[data-period="${period}"]`);
const fileInput = (page: Page) => page.getByLabel("选择文件");

/** Opens a page and waits until it has settled, so that the first click or key meets a hydrated page. */
async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

test("the league locks 2022 Q2 of promotions, the banner's upload is refused, and the league reopens it", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "bayannur-clerk");
  await visit(page, "/periods?year=2022");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报送周期 · 2022年");
  await expect(page.getByTestId("periods-table").locator("tbody tr")).toHaveCount(PERIODS_A_YEAR);
  const q2 = row(page, "promotions-2");
  await expect(q2).toContainText("2022-07-15");
  await expect(q2).toContainText("8/8");
  // A league clerk does not set deadlines: the day is text, not a field.
  await expect(q2.getByRole("textbox")).toHaveCount(0);
  await q2.getByRole("button", { name: "锁定巴彦淖尔市第2季度" }).click();
  await expect(q2.getByTestId("period-status")).toHaveText("已锁定（巴彦淖尔市）");

  const banner = await browser.newContext({ baseURL });
  const clerk = await banner.newPage();
  try {
    await signIn(clerk, "wuhou-clerk");
    // The banner sees the lock set above it and has no button to lift it.
    await visit(clerk, "/periods?year=2022");
    await expect(row(clerk, "promotions-2").getByTestId("period-status")).toHaveText("已锁定（巴彦淖尔市）");
    await expect(row(clerk, "promotions-2").getByRole("button")).toHaveCount(0);
    // The bell says so; the list reads it out, and reading it clears the count.
    await expect(clerk.getByTestId("notice-count")).toBeVisible();
    await clerk.getByTestId("notice-bell").click();
    await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("通知");
    await expect(clerk.getByTestId("notices").locator('li[data-kind="locked"]').first()).toContainText(
      "2022年第2季度提拔使用已由巴彦淖尔市锁定，数据不能再修改。",
    );
    await clerk.getByRole("button", { name: "全部标为已读" }).click();
    await expect(clerk.getByTestId("notice-count")).toHaveCount(0);
    await expect(clerk.getByTestId("notices").locator("[data-unread]")).toHaveCount(0);

    const file = Buffer.from("地区,年度,季度,领域,人数\r\n乌拉特后旗,2022,第二季度,乡村振兴,987\r\n");
    await visit(clerk, "/upload");
    await fileInput(clerk).setInputFiles({ name: "二季度.csv", mimeType: "text/csv", buffer: file });
    const refused = clerk.getByTestId("error-table").getByRole("row").filter({ hasText: "第 2 行" });
    await expect(refused).toContainText("2022年第2季度的数据已由巴彦淖尔市锁定");
    await expect(clerk.getByRole("button", { name: "报送审核" })).toHaveCount(0);
    await expect(clerk.getByRole("button", { name: "提交" })).toHaveCount(0);

    // The league reopens it, saying why; the same file now passes its check.
    await q2.getByRole("button", { name: "重新开放" }).click();
    await q2.getByRole("textbox", { name: "重新开放的原因" }).fill("乌拉特后旗更正二季度数据");
    await q2.getByRole("button", { name: "确认重新开放" }).click();
    await expect(q2.getByTestId("period-status")).toHaveText("已报齐");
    await expect(q2.getByRole("button", { name: "锁定巴彦淖尔市第2季度" })).toBeVisible();

    await visit(clerk, "/upload");
    await fileInput(clerk).setInputFiles({ name: "二季度.csv", mimeType: "text/csv", buffer: file });
    // The banner's upload is a report for the league to review.
    await expect(clerk.getByRole("button", { name: "报送审核" })).toBeVisible();
  } finally {
    await banner.close();
  }
  // The league hears of its own report the demo still misses, and of those below it.
  await page.getByTestId("notice-bell").click();
  const list = page.getByTestId("notices");
  await expect(list.locator('li[data-kind="overdue"]').filter({ hasText: "2024年第4季度提拔使用" })).toContainText(
    "2024年第4季度提拔使用已逾期（截止 2025-01-15），巴彦淖尔市尚未报送。",
  );
  await expect(list.locator('li[data-kind="overdue_below"]').first()).toContainText(
    /巴彦淖尔市下级还有 \d+ 个地区未报送/,
  );
  await expect(list.locator('li[data-kind="reopened"]').first()).toContainText("原因：乌拉特后旗更正二季度数据");
});

test("a lock is refused while reports are missing, and the reason is given", async ({ page }) => {
  await signIn(page, "bayannur-clerk");
  await visit(page, "/periods?year=2024");
  const q4 = row(page, "promotions-4");
  await expect(q4.getByTestId("period-status")).toHaveText(/^逾期 \d+ 天$/);
  await q4.getByRole("button", { name: "锁定巴彦淖尔市第4季度" }).click();
  await expect(q4.getByRole("alert")).toHaveText(/^还有 \d+ 份报表未报送，报齐后才能锁定。$/);
});

test("the outstanding list gives each report its deadline and the days it is overdue", async ({ page }) => {
  await signIn(page, "staff");
  await visit(page, "/outstanding?region=150800&year=2024");
  const table = page.getByTestId("outstanding-table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "地区",
    "所属",
    "数据集",
    "季度",
    "状态",
    "截止日期",
    "逾期",
  ]);
  const first = table.locator("tbody tr").filter({ hasText: "Q4" }).first();
  // A report that is in but not approved says so (the demo's 2024 Q4 promotions of two banners).
  const promotionsQ4 = (region: string) =>
    table.locator("tbody tr").filter({ hasText: region }).filter({ hasText: "提拔使用" }).filter({ hasText: "Q4" });
  await expect(promotionsQ4("乌拉特前旗").locator("th, td").nth(4)).toHaveText("待审核");
  await expect(promotionsQ4("临河区").locator("th, td").nth(4)).toHaveText("已退回");
  await expect(first).toContainText("2025-01-15");
  await expect(first).toContainText(/逾期 \d+ 天/);
  // The reporting board marks its cells still missing past the deadline.
  await visit(page, "/?region=150800&year=2024");
  const late = page.getByTestId("reporting-board").locator("td[data-overdue]").first();
  await expect(late).toContainText("逾期");
  await expect(late).toHaveAttribute("title", /已逾期 \d+ 天（截止 2025-01-15）/);
});

test("the root clerk's deadlines: an administrator moves one, never to before the period ends", async ({ page }) => {
  await signIn(page, "admin");
  await visit(page, "/periods?year=2024");
  const q1 = row(page, "adjustments-1");
  const field = q1.getByLabel("第1季度截止日期");
  const save = q1.getByRole("button", { name: "保存" });
  // The button is enabled once the page has taken the typed day.
  await expect(async () => {
    await field.fill("2024-03-30");
    await expect(save).toBeEnabled({ timeout: 1000 });
  }).toPass();
  await save.click();
  await expect(q1.getByRole("alert")).toHaveText("截止日期应在该时段结束（2024-03-31）之后。");
  await field.fill("2024-04-20");
  await save.click();
  await expect(q1.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(row(page, "adjustments-1").getByLabel("第1季度截止日期")).toHaveValue("2024-04-20");
});

test("an administrator opens one period with a deadline of its own", async ({ page }) => {
  const year = new Date().getFullYear() + 2;
  await signIn(page, "admin");
  await visit(page, `/periods?year=${year}`);
  await page.getByText("单独生成一个报送周期").click();
  await page.getByLabel("数据集").selectOption({ label: "能上能下" });
  await page.getByLabel("季度", { exact: true }).selectOption({ label: "第3季度" });
  await expect(page.getByLabel("截止日期", { exact: true })).toHaveValue(`${year}-10-15`);
  await page.getByLabel("截止日期", { exact: true }).fill(`${year}-10-20`);
  await page.getByRole("button", { name: "生成", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已生成该报送周期。");
  await expect(page.getByTestId("periods-table").locator("tbody tr")).toHaveCount(1);
  await expect(row(page, "adjustments-3").getByLabel("第3季度截止日期")).toHaveValue(`${year}-10-20`);
  await page.getByRole("button", { name: "生成", exact: true }).click();
  await expect(page.locator("details").getByRole("alert")).toHaveText("该报送周期已经生成。");
});

test("an administrator opens a new year's periods with the default deadlines", async ({ page }) => {
  // Next year: its deadlines are all ahead, whenever the test runs.
  const year = new Date().getFullYear() + 1;
  await signIn(page, "admin");
  await visit(page, `/periods?year=${year}`);
  await expect(page.getByText(`${year}年尚未生成报送周期。`)).toBeVisible();
  await page.getByRole("button", { name: `生成${year}年报送周期` }).click();
  await expect(page.getByRole("status")).toHaveText(`已生成 ${PERIODS_A_YEAR} 个报送周期。`);
  await expect(page.getByTestId("periods-table").locator("tbody tr")).toHaveCount(PERIODS_A_YEAR);
  await expect(row(page, "promotions-1").getByLabel("第1季度截止日期")).toHaveValue(`${year}-04-15`);
  await expect(row(page, "arena-year").getByLabel("全年截止日期")).toHaveValue(`${year + 1}-01-31`);
  // Not yet due: the days left are counted down.
  await expect(row(page, "promotions-1").getByTestId("period-status")).toHaveText(/^距截止 \d+ 天$/);
  await page.getByRole("button", { name: `生成${year}年报送周期` }).click();
  await expect(page.getByRole("status")).toHaveText(`${year}年的报送周期已全部生成。`);
});
