import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * /promotions and /adjustments as the Bayannur official (viewer, home region 150800), against the
 * production build with the demo data. Bayannur 2023's promotions are the source reporting's
 * (90 of 115 in frontline fields, docs/data-contract.md §2) and must show exactly.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, "bayannur");
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const searchOf = (page: Page) => new URL(page.url()).searchParams;
const bannerSelect = (page: Page) => page.getByRole("combobox", { name: "旗县区" });

test("promotions: the source figures, the cascade, a reload, a table and its CSV", async ({ page }) => {
  // No region in the URL: the official's home region.
  await page.goto("/promotions");
  await expect(heading(page)).toContainText("巴彦淖尔市 · 提拔使用");
  await page.getByRole("combobox", { name: "年度" }).selectOption("2023");
  await expect.poll(() => searchOf(page).get("year")).toBe("2023");
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 提拔使用 · 2023年");
  await expect(page.getByTestId("promotions-headline")).toContainText("90 / 115 = 78.3%");

  const regionsChart = page.getByTestId("chart-promotions-regions");
  await expect(regionsChart.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(regionsChart).toContainText("巴彦淖尔市本级");
  await expect(regionsChart).toContainText("临河区");

  // League → banner: the URL keeps the year, the charts show the banner alone.
  await bannerSelect(page).selectOption({ label: "乌拉特后旗" });
  await expect.poll(() => searchOf(page).get("region")).toBe("150825");
  expect(searchOf(page).get("year")).toBe("2023");
  await expect(heading(page)).toHaveText("乌拉特后旗 · 提拔使用 · 2023年");
  await expect(page.getByTestId("promotions-headline")).not.toContainText("90 / 115");
  await expect(regionsChart).toContainText("乌拉特后旗本级");
  await expect(regionsChart).not.toContainText("临河区");
  const headline = await page.getByTestId("promotions-headline").textContent();

  await page.reload();
  await expect(heading(page)).toHaveText("乌拉特后旗 · 提拔使用 · 2023年");
  await expect(page.getByTestId("promotions-headline")).toHaveText(headline ?? "");
  await expect(bannerSelect(page)).toHaveValue("150825");
  await expect(page.getByRole("combobox", { name: "盟市" })).toHaveValue("150800");

  // The quarterly trend as a table, then its CSV (UTF-8 with BOM, Chinese header).
  const trend = page.getByTestId("panel-promotions-trend");
  await trend.getByRole("button", { name: "查看表格" }).click();
  const table = trend.getByRole("table");
  await expect(table.locator("thead")).toContainText("乡村振兴");
  await expect(table.locator("tbody tr")).toHaveCount(4);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    trend.getByRole("button", { name: "CSV" }).click(),
  ]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("季度,乡村振兴,招商引资,基层治理,防沙治沙,其他一线,非一线,一线领域,提拔总数,一线占比");
  expect(text).toContain("2023Q1,");
  expect(download.suggestedFilename()).toMatch(/^乌拉特后旗-2023-提拔使用-.*\.csv$/);
});

test("choosing a league resets the banner; the search finds a banner by its abbreviation", async ({ page }) => {
  await page.goto("/promotions?region=150825&year=2023");
  await page.getByRole("combobox", { name: "盟市" }).selectOption({ label: "乌兰察布市" });
  await expect.poll(() => searchOf(page).get("region")).toBe("150900");
  await expect(bannerSelect(page)).toHaveValue("");
  await expect(heading(page)).toContainText("乌兰察布市");

  await page.getByRole("combobox", { name: "搜索地区" }).fill("察右前旗");
  await page
    .getByRole("listbox")
    .getByRole("option", { name: /察哈尔右翼前旗/ })
    .click();
  await expect.poll(() => searchOf(page).get("region")).toBe("150926");
  await expect(heading(page)).toContainText("察哈尔右翼前旗");
  await expect(bannerSelect(page)).toHaveValue("150926");
});

test("the period picker: a quarter, then a range of years", async ({ page }) => {
  await page.goto("/promotions?year=2023");
  await page.getByText("季度", { exact: true }).first().click();
  await expect.poll(() => searchOf(page).get("quarter")).toBe("4");
  await page.getByRole("combobox", { name: "季度" }).selectOption({ label: "第3季度" });
  await expect.poll(() => searchOf(page).get("quarter")).toBe("3");
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 提拔使用 · 2023年第3季度");

  await page.getByText("区间", { exact: true }).click();
  await expect.poll(() => searchOf(page).get("to")).toBe("2023");
  expect(searchOf(page).get("quarter")).toBeNull();
  await expect(page.getByTestId("chart-promotions-trend")).toContainText("2021Q1");
});

test("adjustments: moved down against moved back up", async ({ page }) => {
  await page.goto("/adjustments?year=2023");
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 能上能下 · 2023年");
  await expect(page.getByTestId("adjustments-down")).toContainText("人");
  for (const id of ["chart-adjustments-regions", "chart-adjustments-trend", "chart-adjustments-own"]) {
    await expect(page.getByTestId(id).locator(".recharts-bar-rectangle").first(), id).toBeAttached();
  }
  await page.getByRole("link", { name: "提拔使用" }).first().click();
  await expect(page).toHaveURL(/\/promotions/);
});

test("an empty period says so", async ({ page }) => {
  await page.goto("/promotions?year=2030");
  await expect(page.getByTestId("dashboard-empty")).toContainText("巴彦淖尔市在2030年没有上报数据");
  // A viewer gets no upload link.
  await expect(page.getByTestId("dashboard-empty").getByRole("link")).toHaveCount(0);
});

test("a phone-sized viewport renders the overview, /promotions and /adjustments without sideways scrolling of the page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  // The overview's wide tables (the comparison, the reporting board) scroll inside their boxes.
  await page.goto("/?year=2023");
  await expect(page.getByTestId("reporting-board")).toBeVisible();
  await expect(page.getByTestId("chart-promotions").locator(".recharts-bar-rectangle").first()).toBeAttached();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto("/promotions?year=2023");
  await expect(page.getByTestId("promotions-headline")).toContainText("90 / 115 = 78.3%");
  await expect(page.getByTestId("chart-promotions-trend").locator(".recharts-bar-rectangle").first()).toBeAttached();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto("/adjustments?year=2023");
  await expect(page.getByTestId("chart-adjustments-trend").locator(".recharts-bar-rectangle").first()).toBeAttached();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
