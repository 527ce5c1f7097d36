import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * /young-cadres, /selections and /routine-assessments against the production build with the demo
 * data: as a 150000 viewer (every league compared, every name shown), as the Bayannur official
 * (home region 150800; cadres' names of other leagues withheld) and on a phone. The one source
 * figure: 牙克石市 assessed through exactly 7 contact points in 2023.
 */
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const searchOf = (page: Page) => new URL(page.url()).searchParams;
const drawn = (page: Page, testId: string) =>
  expect(page.getByTestId(testId).locator(".recharts-surface").first()).toBeAttached();

test.describe("as a 150000 viewer", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "staff");
  });

  test("雏雁行动: the leagues compared, a click opens a league, its rates as a table", async ({ page }) => {
    await page.goto("/young-cadres?year=2023");
    await expect(heading(page)).toHaveText("内蒙古自治区 · 雏雁行动 · 2023年");
    await expect(page.getByTestId("young-selected")).toContainText("人");
    await expect(page.getByTestId("young-promoted")).toContainText("提拔率");
    await drawn(page, "chart-young-funnel");
    const regions = page.getByTestId("chart-young-regions");
    await expect(regions.locator(".recharts-bar-rectangle").first()).toBeAttached();
    await expect(regions).toContainText("巴彦淖尔市");

    // A league's columns open it, keeping the year, as the other dashboards do; in code order the first is 呼和浩特市.
    await regions.locator(".recharts-bar-rectangle path").first().click();
    await expect.poll(() => searchOf(page).get("region")).toBe("150100");
    expect(searchOf(page).get("year")).toBe("2023");
    await expect(heading(page)).toHaveText("呼和浩特市 · 雏雁行动 · 2023年");
    await expect(regions).toContainText("呼和浩特市本级");

    const trend = page.getByTestId("panel-young-trend");
    await trend.getByRole("button", { name: "查看表格" }).click();
    const table = trend.getByRole("table");
    await expect(table.locator("thead")).toContainText("提拔率");
    await expect(table.locator("tbody tr")).toHaveCount(4);
  });

  test("好班子好干部: counts per category, the named list with cadres' names", async ({ page }) => {
    await page.goto("/selections?region=150700&year=2023");
    await expect(heading(page)).toHaveText("呼伦贝尔市 · 好班子好干部 · 2023年");
    await drawn(page, "chart-selections-regions");
    await drawn(page, "chart-selections-trend");
    const list = page.getByTestId("selections-table");
    await expect(list.locator("tbody tr").first()).toBeVisible();
    await page.getByRole("link", { name: "担当作为好干部" }).click();
    await expect.poll(() => searchOf(page).get("category")).toBe("担当作为好干部");
    await expect(list.locator("tbody tr").first()).toContainText("担当作为好干部");
    await expect(list.getByText("仅本地区可见")).toHaveCount(0);
  });

  test("平时考核: 牙克石市's 7 contact points of 2023, each with its grades", async ({ page }) => {
    await page.goto("/routine-assessments?region=150782&year=2023");
    await expect(heading(page)).toHaveText("牙克石市 · 公务员平时考核 · 2023年");
    await expect(page.getByTestId("routine-points")).toContainText("7 个");
    const points = page.getByTestId("panel-routine-groups");
    await expect(points.locator(".recharts-bar-rectangle").first()).toBeAttached();
    await points.getByRole("button", { name: "查看表格" }).click();
    // 7 contact points × 4 quarters.
    await expect(points.getByRole("table").locator("tbody tr")).toHaveCount(28);
    await expect(page.getByTestId("panel-routine-methods")).toContainText("个人评");
    await drawn(page, "chart-routine-trend");
  });
});

test.describe("as the Bayannur official", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "bayannur");
  });

  test("each page opens on Bayannur; cadres of other leagues are not named", async ({ page }) => {
    await page.goto("/young-cadres");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 雏雁行动");
    await expect(page.getByTestId("chart-young-regions")).toContainText("乌拉特后旗");

    await page.goto("/routine-assessments");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 公务员平时考核");
    await drawn(page, "chart-routine-groups");
    await expect(page.getByTestId("chart-routine-groups")).toContainText("临河区");

    await page.goto("/selections?year=2023");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 好班子好干部 · 2023年");
    const list = page.getByTestId("selections-table");
    await expect(list.locator("tbody tr").first()).toBeVisible();
    await expect(list.getByText("仅本地区可见")).toHaveCount(0);

    // Another league: its teams are named, its cadres are not.
    await page.goto("/selections?region=150700&year=2023&category=担当作为好干部");
    await expect(list.locator("tbody tr").first()).toBeVisible();
    const rows = await list.locator("tbody tr").count();
    await expect(list.getByTestId("selection-name").filter({ hasText: "仅本地区可见" })).toHaveCount(rows);
    await page.goto("/selections?region=150700&year=2023&category=干事创业好班子");
    await expect(list.locator("tbody tr").first()).toContainText("领导班子");
    await expect(list.getByText("仅本地区可见")).toHaveCount(0);
  });
});

test("a phone-sized viewport renders the three pages without sideways scrolling", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const [path, chart] of [
    ["/young-cadres?year=2023", "chart-young-regions"],
    ["/selections?year=2023", "chart-selections-regions"],
    ["/routine-assessments?region=150782&year=2023", "chart-routine-groups"],
  ]) {
    await page.goto(path);
    await drawn(page, chart);
    expect(await overflow(), path).toBeLessThanOrEqual(0);
  }
});
