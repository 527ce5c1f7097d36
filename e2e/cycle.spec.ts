import { expect, type Page, test } from "@playwright/test";
import { overviewTotal as overviewTotalOf, signIn } from "./fixtures";
import { newUsers } from "./test-users";

/**
 * The quarterly cycle as its two people live it, on the demo (2024 Q4 of promotions is the open
 * quarter): a clerk of 乌拉特后旗 reports the quarter, a clerk of 巴彦淖尔市 (the league above)
 * returns it with a reason, the banner corrects and reports again, the league sees what changed
 * since and approves; the dashboard moves only then, and the bell tells each of them.
 */
const WUHOU = "150825";

const overviewTotal = (page: Page) => overviewTotalOf(page, WUHOU);

/** Opens a page and waits until it has settled, so that the first click meets a hydrated page. */
async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

async function report(page: Page, count: number) {
  const file = Buffer.from(`地区,年度,季度,领域,人数\r\n乌拉特后旗,2024,第四季度,防沙治沙,${count}\r\n`);
  await visit(page, "/upload");
  await page.getByRole("radio", { name: /提拔使用/ }).check();
  await page.getByLabel("选择文件").setInputFiles({ name: `四季度-${count}.csv`, mimeType: "text/csv", buffer: file });
  await expect(page.getByTestId("upload-preview")).toContainText("检查通过，尚未写入");
  await expect(page.getByText("报送后由巴彦淖尔市审核，通过后才发布")).toBeVisible();
  await page.getByRole("button", { name: "报送审核" }).click();
  const submitted = page.getByTestId("upload-submitted");
  await expect(submitted).toContainText("已报送，等待巴彦淖尔市审核");
  await expect(submitted).toContainText("2024年第4季度：审核通过前，这些数据不计入看板");
  return submitted;
}

test("a banner reports, the league returns it, the banner corrects it, the league approves: only then the figures count", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const [clerk, reviewer] = await newUsers(
    baseURL,
    { prefix: "e2e-cycle-wuhou", role: "clerk", regionCode: WUHOU },
    { prefix: "e2e-cycle-league", role: "clerk", regionCode: "150800" },
  );
  await signIn(page, clerk.username, clerk.password);
  const before = await overviewTotal(page);
  // Far above anything the demo holds, different each run.
  const first = 300 + (Date.now() % 300);

  const submitted = await report(page, first);
  const link = submitted.getByRole("link", { name: /查看报送：2024年第4季度/ });
  const href = (await link.getAttribute("href")) ?? "";
  // The demo's approved report of the quarter is version 1 of 乌拉特后旗's; this one comes after it.
  const version = Number(/第 (\d+) 版/.exec((await link.textContent()) ?? "")?.[1]);
  expect(version).toBeGreaterThan(1);
  expect(href).toMatch(/^\/review\/\d+$/);
  // Waiting for review, the figure is nowhere in the dashboards.
  expect(await overviewTotal(page)).toBe(before);

  let delta = 0;
  const league = await browser.newContext({ baseURL });
  const review = await league.newPage();
  try {
    await signIn(review, reviewer.username, reviewer.password);
    await visit(review, "/review");
    // The bell counts the report waiting for the league.
    await expect(review.getByTestId("notice-count")).toBeVisible();
    const queued = review.getByTestId("review-queue").locator(`tr[data-submission="${href.split("/")[2]}"]`);
    await expect(queued).toContainText("乌拉特后旗");
    await expect(queued).toContainText("2024年第4季度");
    await expect(queued).toContainText("待审核");
    await queued.getByRole("link", { name: "查看" }).click();
    await expect(review.getByRole("heading", { level: 1 })).toHaveText("乌拉特后旗 · 2024年第4季度提拔使用");
    await expect(review.getByTestId("review-changes")).toContainText("乌拉特后旗 · 2024 · 第4季度 · 防沙治沙");
    await expect(review.getByTestId("review-changes")).toContainText(`→ ${first}`);
    await expect(review.getByTestId("review-warnings")).toContainText("请留意");
    await review.getByRole("button", { name: "退回" }).click();
    await review.getByLabel("退回原因（报送单位会看到）").fill("防沙治沙人数与台账不符，请核对");
    await review.getByRole("button", { name: "确认退回" }).click();
    await expect(review.getByRole("status")).toContainText("已退回，报送单位将收到通知。");
    await expect(review.getByRole("heading", { level: 1 }).locator("..")).toContainText("已退回");

    // The banner hears of it, reads the reason beside its report, corrects and reports again.
    await visit(page, "/notices");
    await expect(page.getByTestId("notices").locator('li[data-kind="returned"]').first()).toContainText(
      `2024年第4季度提拔使用（第 ${version} 版）被退回，原因：防沙治沙人数与台账不符，请核对`,
    );
    await visit(page, href);
    await expect(page.getByTestId("return-reason")).toHaveText("防沙治沙人数与台账不符，请核对");
    await expect(page.getByRole("button", { name: "审核通过并发布" })).toHaveCount(0);
    const second = await report(page, first + 7);
    const secondHref =
      (await second
        .getByRole("link", { name: `查看报送：2024年第4季度（第 ${version + 1} 版）` })
        .getAttribute("href")) ?? "";
    expect(secondHref).not.toBe(href);
    expect(await overviewTotal(page)).toBe(before);

    // The league sees what changed since the version it returned, and approves.
    await visit(review, secondHref);
    await expect(review.getByTestId("since-returned")).toContainText(`与退回的第 ${version} 版相比`);
    await expect(review.getByTestId("since-returned")).toContainText(`${first} → ${first + 7}`);
    await expect(review.getByTestId("versions").locator(`li[data-version="${version}"]`)).toContainText(
      "退回原因：防沙治沙人数与台账不符，请核对",
    );
    delta = await review
      .getByTestId("review-changes")
      .getByTestId("preview-table")
      .textContent()
      .then((text) => {
        const moved = /人数\s*(\d+) → (\d+)/.exec(text ?? "");
        return moved ? Number(moved[2]) - Number(moved[1]) : first + 7;
      });
    await review.getByRole("button", { name: "审核通过并发布" }).click();
    await expect(review.getByRole("status")).toContainText(/已审核通过，数据已发布（批次 #\d+）/);
    await expect(review.getByTestId("submission").getByTestId("versions")).toContainText("已通过");
  } finally {
    await league.close();
  }

  // Published now: the dashboard moves by exactly the change shown, and the bell says approved.
  expect(await overviewTotal(page)).toBe(before + delta);
  await expect(page.getByTestId("notice-count")).toBeVisible();
  await visit(page, "/notices");
  await expect(page.getByTestId("notices").locator('li[data-kind="approved"]').first()).toContainText(
    `2024年第4季度提拔使用（第 ${version + 1} 版）已审核通过并发布。`,
  );
});
