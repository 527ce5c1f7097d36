import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * /evaluations (五看一测) and /job-fit (适岗指数) against the production build with the demo data:
 * the figures per region for everyone, the named lists only with the personnel permission and
 * inside the home region (staff: everywhere; bayannur: Bayannur's records; the 乌拉特后旗 clerk has
 * no permission and sees no name), on a desktop and on a phone.
 */
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe("as staff (150000, personnel permission)", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "staff");
  });

  test("/evaluations: the leagues compared, a league's bar opens it, names listed", async ({ page }) => {
    await page.goto("/evaluations?year=2023");
    await expect(heading(page)).toHaveText("内蒙古自治区 · 五看一测 · 2023年");
    await expect(page.getByTestId("evaluations-evaluated")).toContainText(/\d/);
    const means = page.getByTestId("chart-evaluations-means");
    await expect(means.locator(".recharts-bar-rectangle").first()).toBeAttached();
    await expect(means).toContainText("政治表现");
    await expect(page.getByTestId("chart-evaluations-trend").locator(".recharts-bar-rectangle").first()).toBeAttached();

    // The table alternative of the means.
    const panel = page.getByTestId("panel-evaluations-means");
    await panel.getByRole("button", { name: "查看表格" }).click();
    await expect(panel.getByRole("table").locator("tbody tr")).toHaveCount(12);
    await expect(panel.getByRole("table").locator("thead")).toContainText("满意度");

    const list = page.getByTestId("evaluation-records");
    await expect(list.getByRole("table").locator("tbody tr")).toHaveCount(50);
    await expect(list.getByTestId("names-hidden")).toHaveCount(0);
    await expect(list).toContainText("每次查看都会记入审计日志");
    await list.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(list.getByRole("table").locator("tbody tr")).toHaveCount(50);

    // The first league in code order is 呼和浩特市 (no 本级 row at the autonomous region).
    await page.getByTestId("chart-evaluations-conclusions").locator(".recharts-bar-rectangle path").first().click();
    await expect(page).toHaveURL(/[?&]region=150100(&|$)/);
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect(heading(page)).toContainText("呼和浩特市 · 五看一测");
  });

  test("/job-fit: distribution, 不适岗 beside 能上能下, small groups counted only", async ({ page }) => {
    await page.goto("/job-fit?year=2023");
    await expect(heading(page)).toHaveText("内蒙古自治区 · 适岗指数 · 2023年");
    await expect(page.getByTestId("chart-job-fit-histogram").locator(".recharts-bar-rectangle").first()).toBeAttached();
    await expect(page.getByTestId("chart-job-fit-unfit")).toContainText("能上能下 · 能下");
    await expect(page.getByTestId("job-fit-adjustments")).toContainText("人");
    await expect(page.getByTestId("job-fit-records").getByRole("table").locator("tbody tr").first()).toBeVisible();
  });
});

test.describe("as bayannur (150800 official, personnel permission)", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "bayannur");
  });

  for (const [path, testId, title] of [
    ["/evaluations", "evaluation-records", "五看一测"],
    ["/job-fit", "job-fit-records", "适岗指数"],
  ] as const) {
    test(`${path}: Bayannur's records by name, other leagues' counted only`, async ({ page }) => {
      await page.goto(`${path}?year=2023`);
      await expect(heading(page)).toHaveText(`巴彦淖尔市 · ${title} · 2023年`);
      const list = page.getByTestId(testId);
      await expect(list.getByRole("table").locator("tbody tr").first()).toBeVisible();
      await expect(list.getByTestId("names-hidden")).toHaveCount(0);

      await page.goto(`${path}?region=150000&year=2023`);
      await expect(list.getByTestId("names-hidden")).toHaveAttribute("data-reason", "scope");
      await expect(list.getByTestId("names-hidden")).toContainText("不在您所在地区及下级地区范围内");
      const regions = await list.getByRole("table").locator("tbody tr td:nth-child(4)").allTextContents();
      // Only Bayannur's records, in region-code order: the league's own (150800) come first.
      expect(regions[0]).toBe("巴彦淖尔市");

      await page.goto(`${path}?region=150600&year=2023`);
      await expect(list.getByTestId("names-hidden")).toHaveAttribute("data-reason", "scope");
      await expect(list.getByRole("table")).toHaveCount(0);
    });
  }
});

test.describe("as wuhou-clerk (no personnel permission)", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "wuhou-clerk");
  });

  for (const [path, testId] of [
    ["/evaluations", "evaluation-records"],
    ["/job-fit", "job-fit-records"],
  ] as const) {
    test(`${path}: the figures, no names, and why`, async ({ page }) => {
      await page.goto(`${path}?year=2023`);
      await expect(heading(page)).toContainText("乌拉特后旗");
      const list = page.getByTestId(testId);
      await expect(list.getByTestId("names-hidden")).toHaveAttribute("data-reason", "permission");
      await expect(list.getByTestId("names-hidden")).toContainText("需要人事评价查看权限");
      await expect(list.getByRole("table")).toHaveCount(0);
      const answer = await page.request.get(`/api${path}/records?year=2023`);
      expect(answer.status()).toBe(200);
      expect((await answer.json()).rows).toEqual([]);
    });
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("both pages as staff and as the clerk, without sideways scrolling of the page", async ({ page }) => {
    for (const user of ["staff", "wuhou-clerk"] as const) {
      await page.context().clearCookies();
      await signIn(page, user);
      await page.goto("/evaluations?year=2023");
      await expect(
        page.getByTestId("chart-evaluations-trend").locator(".recharts-bar-rectangle").first(),
      ).toBeAttached();
      await expect(page.getByTestId("evaluation-records")).toBeVisible();
      expect(await overflow(page), `/evaluations as ${user}`).toBeLessThanOrEqual(0);
      await page.goto("/job-fit?year=2023");
      await expect(page.getByTestId("chart-job-fit-unfit").locator(".recharts-bar-rectangle").first()).toBeAttached();
      await expect(page.getByTestId("job-fit-records")).toBeVisible();
      expect(await overflow(page), `/job-fit as ${user}`).toBeLessThanOrEqual(0);
    }
  });
});
