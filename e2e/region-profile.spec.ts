import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * /regions/[code] 地区概况 as the Bayannur official (viewer, home region 150800), against the
 * production build with the demo data: Bayannur 2023 holds the source reporting's figures
 * (docs/data-contract.md §2), a banner's profile is reached from the league's table and leads back up.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, "bayannur");
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const breadcrumb = (page: Page) => page.getByRole("navigation", { name: "地区层级" });
const children = (page: Page) => page.getByTestId("profile-children");
const figure = (page: Page, section: string, key: string) => page.getByTestId(section).locator(`dd[data-key="${key}"]`);

test("Bayannur 2023: the source figures, a banner's profile and back, a reload", async ({ page }) => {
  await page.goto("/regions/150800?year=2023");
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 地区概况");
  await expect(page.getByTestId("profile-level")).toHaveText("盟市");
  await expect(breadcrumb(page).getByRole("link", { name: "内蒙古自治区" })).toHaveAttribute(
    "href",
    "/regions/150000?year=2023",
  );

  // 提拔使用: 90 of 115 in frontline fields.
  await expect(page.getByTestId("profile-promotions")).toContainText("90 人");
  await expect(figure(page, "profile-promotions-figures", "total")).toHaveText("115");
  await expect(figure(page, "profile-promotions-figures", "share")).toHaveText("78.3%");
  // 擂台比武 by the six levels.
  const levels = { 旗县区: "9", 市直部门: "77", 苏木乡镇: "74", 街道: "17", 社区: "140", 嘎查村: "652" };
  for (const [level, entries] of Object.entries(levels)) {
    await expect(figure(page, "profile-arena-levels", level), level).toHaveText(entries);
  }
  // 揭榜挂帅: 104 projects by 96 cadres, money in 万元.
  const projects = page.getByTestId("profile-projects");
  await expect(projects).toContainText("揭榜项目104");
  await expect(projects).toContainText("揭榜干部96");
  await expect(figure(page, "profile-projects-money", "funds")).toContainText("万元");
  await expect(page.getByTestId("profile-scorecard").locator("tbody tr").first()).toBeVisible();
  // Each section leads to its dashboard for the same region and period.
  await expect(page.getByTestId("profile-promotions").getByRole("link", { name: "提拔使用完整看板" })).toHaveAttribute(
    "href",
    "/promotions?region=150800&year=2023",
  );

  // 本级 first, then the banners; a banner's name opens its profile for the same period.
  await expect(children(page).locator("tbody tr").first()).toContainText("巴彦淖尔市本级");
  await children(page).getByRole("link", { name: "乌拉特后旗" }).click();
  await expect(page).toHaveURL(/\/regions\/150825\?year=2023$/);
  await expect(heading(page)).toHaveText("乌拉特后旗 · 地区概况");
  await expect(page.getByTestId("profile-level")).toHaveText("旗县区");
  await expect(page.getByTestId("profile-promotions")).not.toContainText("90 人");
  await expect(children(page)).toHaveCount(0);
  // A banner's reporting status is a row of its league's board.
  await expect(page.getByTestId("profile-reporting")).toHaveAttribute(
    "href",
    "/?region=150800&year=2023#reporting-heading",
  );

  await breadcrumb(page).getByRole("link", { name: "巴彦淖尔市" }).click();
  await expect(page).toHaveURL(/\/regions\/150800\?year=2023$/);
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 地区概况");

  // A quarter: the URL holds it, the scorecard is that quarter's (12%, third in the region).
  await page.getByText("季度", { exact: true }).first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get("quarter")).toBe("4");
  await page.getByRole("combobox", { name: "季度" }).selectOption("3");
  await expect.poll(() => new URL(page.url()).searchParams.get("quarter")).toBe("3");
  const growth = page.getByTestId("profile-scorecard").getByRole("row", { name: /规模以上工业增加值增速/ });
  await expect(growth).toContainText("12%");
  await expect(growth).toContainText("第 3 名");
  await expect(growth).toContainText("达标");

  await page.reload();
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 地区概况");
  await expect(page.getByRole("combobox", { name: "季度" })).toHaveValue("3");
  await expect(page.getByRole("combobox", { name: "年度" })).toHaveValue("2023");
  await expect(growth).toContainText("12%");
});

test("the league → banner cascade opens another region's profile, keeping the period", async ({ page }) => {
  await page.goto("/regions/150800?year=2023");
  await page.getByRole("combobox", { name: "旗县区" }).selectOption({ label: "乌拉特后旗" });
  await expect(page).toHaveURL(/\/regions\/150825\?year=2023$/);
  await expect(heading(page)).toHaveText("乌拉特后旗 · 地区概况");
  await page.getByRole("combobox", { name: "盟市" }).selectOption({ label: "鄂尔多斯市" });
  await expect(page).toHaveURL(/\/regions\/150600\?year=2023$/);
  await expect(heading(page)).toHaveText("鄂尔多斯市 · 地区概况");
});

test("the dashboards lead to the profile", async ({ page }) => {
  await page.goto("/promotions?region=150825&year=2023");
  await page.getByRole("link", { name: "乌拉特后旗地区概况" }).click();
  await expect(page).toHaveURL(/\/regions\/150825\?year=2023$/);
  await expect(heading(page)).toHaveText("乌拉特后旗 · 地区概况");
});

test("in English", async ({ page }) => {
  await page.goto("/regions/150800?year=2023");
  await page.getByRole("button", { name: "English" }).click();
  await expect(heading(page)).toHaveText("Bayannur · region profile");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("profile-level")).toHaveText("League or city");
  await expect(page.getByTestId("profile-promotions")).toContainText("90 cadres");
  // Apart from the scorecard's indicators (as reported), the sections hold no Chinese.
  for (const section of ["profile-promotions", "profile-arena", "profile-projects", "profile-adjustments"]) {
    await expect(page.getByTestId(section), section).not.toContainText(/\p{Script=Han}/u);
  }
  await expect(children(page).locator("thead")).not.toContainText(/\p{Script=Han}/u);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 地区概况");
});

test("an unknown region or a malformed code shows the 404 page", async ({ page }) => {
  for (const path of ["/regions/159999", "/regions/abc"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
  // A malformed period is found out by the page, under its skeleton: the not-found page, all the same.
  await page.goto("/regions/150800?quarter=2");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByTestId("profile-promotions")).toHaveCount(0);
});

test("a period without figures says so", async ({ page }) => {
  await page.goto("/regions/150800?year=2030");
  await expect(page.getByTestId("profile-empty")).toContainText("巴彦淖尔市在2030年没有上报数据");
  await expect(children(page)).toHaveCount(0);
});

test("on a phone: one column, no sideways scrolling of the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/regions/150800?year=2023");
  await expect(page.getByTestId("profile-promotions")).toContainText("90 人");
  const promotions = await page.getByTestId("profile-promotions").boundingBox();
  const adjustments = await page.getByTestId("profile-adjustments").boundingBox();
  // The second section sits below the first, not beside it.
  expect(adjustments?.y ?? 0).toBeGreaterThan((promotions?.y ?? 0) + (promotions?.height ?? 0) - 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
