import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Organisation-department staff (home region 150000): the root view compares the 12 leagues.
test.beforeEach(async ({ page }) => {
  await signIn(page, "staff");
});

/**
 * The overview page `/` against the production build with the demo data. The Bayannur 2023
 * figures are the source reporting's (docs/data-contract.md §2) and must show exactly; everything else in the
 * demo data is synthetic, so those tests only rely on its shape (12 leagues, in code order).
 *
 * Each test gets a fresh browser context (Playwright's default), so the language cookie that the
 * English test sets never reaches another test.
 */

const BAYANNUR_2023 = "/?region=150800&year=2023";
const LEAGUES = 12;

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const breadcrumb = (page: Page) => page.getByRole("navigation", { name: "地区层级" });
const comparisonTable = (page: Page) => page.getByTestId("comparison-table");

/** The widest drawn bar of a chart, in CSS pixels (0 when nothing is drawn yet). */
async function widestBar(chart: Locator): Promise<number> {
  const widths = await chart
    .locator(".recharts-bar-rectangle path")
    .evaluateAll((paths) => paths.map((path) => path.getBoundingClientRect().width));
  return Math.max(0, ...widths);
}

/** The query parameters of the page's current URL. */
const searchOf = (page: Page) => new URL(page.url()).searchParams;

test.describe("Bayannur 2023: the source figures", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(BAYANNUR_2023);
    await expect(heading(page)).toContainText("巴彦淖尔市");
  });

  test("headline cards show the reported figures", async ({ page }) => {
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年度实绩概览");
    await expect(page.getByTestId("demo-badge")).toBeVisible();
    await expect(page.getByTestId("demo-badge")).toHaveText("演示数据");

    const promotions = page.getByTestId("card-promotions");
    await expect(promotions).toContainText("一线领域提拔");
    await expect(promotions.getByText("90", { exact: true })).toBeVisible();
    await expect(promotions).toContainText("78.3%");
    await expect(promotions).toContainText("90 / 115");

    const arena = page.getByTestId("card-arena");
    await expect(arena.getByText("969", { exact: true })).toBeVisible();
    const perLevel = { 旗县区: "9", 市直部门: "77", 苏木乡镇: "74", 街道: "17", 社区: "140", 嘎查村: "652" };
    for (const [level, entries] of Object.entries(perLevel)) {
      await expect(arena.getByTestId(`arena-level-${level}`), level).toHaveText(entries);
    }

    const projects = page.getByTestId("card-projects");
    await expect(projects.getByText("104", { exact: true })).toBeVisible();
    await expect(projects).toContainText("揭榜干部 96 名");
    await expect(projects).toContainText("到位资金 1,428 万元");
  });

  test("each of the three charts draws bars", async ({ page }) => {
    for (const id of ["chart-promotions", "chart-arena", "chart-projects"]) {
      const chart = page.getByTestId(id);
      await expect(chart.locator(".recharts-bar-rectangle").first(), id).toBeAttached();
      await expect.poll(() => widestBar(chart), { message: `${id} has a bar with a width` }).toBeGreaterThan(0);
    }
  });

  test("the comparison covers Bayannur's own level and its banners", async ({ page }) => {
    await expect(page.getByRole("heading", { name: "各旗县区对比" })).toBeVisible();
    const rows = comparisonTable(page).locator("tbody tr");
    await expect(rows.first().getByRole("rowheader")).toHaveText("巴彦淖尔市本级");
    await expect(comparisonTable(page).getByRole("rowheader", { name: "乌拉特后旗" })).toBeVisible();
  });
});

test.describe("drilling down from the autonomous region", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
    await expect(heading(page)).toContainText("内蒙古自治区");
  });

  test("the root compares the 12 leagues and cities", async ({ page }) => {
    await expect(page.getByRole("heading", { name: "各盟市对比" })).toBeVisible();
    await expect(comparisonTable(page).locator("tbody tr")).toHaveCount(LEAGUES);
    await expect(comparisonTable(page).locator("tbody tr").first()).toContainText("呼和浩特市");
  });

  test("a league's name in the table opens the league, the breadcrumb leads back", async ({ page }) => {
    await comparisonTable(page).getByRole("link", { name: "巴彦淖尔市" }).click();

    await expect(page).toHaveURL(/[?&]region=150800(&|$)/);
    await expect(heading(page)).toContainText("巴彦淖尔市");
    await expect(page.getByRole("heading", { name: "各旗县区对比" })).toBeVisible();
    await expect(breadcrumb(page).getByText("巴彦淖尔市")).toHaveAttribute("aria-current", "page");

    await breadcrumb(page).getByRole("link", { name: "内蒙古自治区" }).click();

    await expect(page).toHaveURL((url) => url.pathname === "/" && url.searchParams.get("region") === "150000");
    await expect(heading(page)).toContainText("内蒙古自治区");
    await expect(comparisonTable(page).locator("tbody tr")).toHaveCount(LEAGUES);
  });

  test("a league's bar in the promotions chart opens the league", async ({ page }) => {
    const chart = page.getByTestId("chart-promotions");
    await expect.poll(() => widestBar(chart)).toBeGreaterThan(0);

    // Bars are ordered by value; in region-code order (the toggle), the first is 呼和浩特市.
    await chart.getByRole("button", { name: "按区划代码" }).click();
    await chart.locator(".recharts-bar-rectangle path").first().click();

    await expect(page).toHaveURL(/[?&]region=150100(&|$)/);
    await expect(heading(page)).toContainText("呼和浩特市");
    await expect(breadcrumb(page).getByRole("link", { name: "内蒙古自治区" })).toBeVisible();
  });
});

test.describe("the URL holds the view", () => {
  test("reloading reproduces region and year", async ({ page }) => {
    await page.goto("/?region=150800&year=2022");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 2022");

    await page.reload();

    await expect(heading(page)).toContainText("巴彦淖尔市 · 2022");
    const year = page.getByRole("combobox", { name: "年度" });
    await expect(year).toHaveValue("2022");
    await expect(year.locator("option:checked")).toHaveText("2022年");
  });

  test("choosing a year changes the URL and the figures", async ({ page }) => {
    await page.goto("/?region=150800&year=2022");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 2022");

    await page.getByRole("combobox", { name: "年度" }).selectOption({ label: "2023年" });

    await expect.poll(() => searchOf(page).get("year")).toBe("2023");
    expect(searchOf(page).get("region")).toBe("150800");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 2023");
    await expect(page.getByTestId("card-promotions")).toContainText("90 / 115");
  });
});

test.describe("the period picker", () => {
  test("a quarter, then a range of years", async ({ page }) => {
    await page.goto(BAYANNUR_2023);
    await page.getByText("季度", { exact: true }).first().click();
    await expect.poll(() => searchOf(page).get("quarter")).toBe("4");
    await page.getByRole("combobox", { name: "季度" }).selectOption({ label: "第3季度" });
    await expect.poll(() => searchOf(page).get("quarter")).toBe("3");
    expect(searchOf(page).get("year")).toBe("2023");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年第3季度实绩概览");
    await expect(page.getByTestId("card-promotions").getByTestId("change")).toContainText("较2022年第3季度");
    await expect(page.getByTestId("arena-yearly")).toContainText("2023年全年");

    await page.getByText("区间", { exact: true }).click();
    await expect.poll(() => searchOf(page).get("to")).toBe("2023");
    expect(searchOf(page).get("quarter")).toBeNull();
    await expect(heading(page)).toContainText("年实绩概览");
    await expect(page.getByTestId("arena-yearly")).toHaveCount(0);
    await page.reload();
    await expect(heading(page)).toContainText("年实绩概览");
  });
});

test.describe("the Bayannur official", () => {
  test("chooses 巴彦淖尔市 then 乌拉特后旗 in the cascade; the charts change and a reload keeps the view", async ({
    page,
  }) => {
    // Signed in as staff by the file's hook: start over as the official.
    await page.context().clearCookies();
    await signIn(page, "bayannur");
    await page.goto("/?region=150000&year=2023");
    await expect(heading(page)).toContainText("内蒙古自治区 · 2023");
    const promotions = page.getByTestId("chart-promotions");
    await expect(promotions).toContainText("巴彦淖尔市");

    await page.getByRole("combobox", { name: "盟市" }).selectOption({ label: "巴彦淖尔市" });
    await expect.poll(() => searchOf(page).get("region")).toBe("150800");
    await expect(heading(page)).toContainText("巴彦淖尔市 · 2023");
    await expect(promotions).toContainText("临河区");
    await expect(page.getByTestId("card-promotions")).toContainText("90 / 115");

    await page.getByRole("combobox", { name: "旗县区" }).selectOption({ label: "乌拉特后旗" });
    await expect.poll(() => searchOf(page).get("region")).toBe("150825");
    expect(searchOf(page).get("year")).toBe("2023");
    await expect(heading(page)).toContainText("乌拉特后旗 · 2023");
    await expect(page.getByTestId("card-promotions")).not.toContainText("90 / 115");
    const card = await page.getByTestId("card-promotions").textContent();

    await page.reload();
    await expect(heading(page)).toContainText("乌拉特后旗 · 2023");
    await expect(page.getByTestId("card-promotions")).toHaveText(card ?? "");
    await expect(page.getByRole("combobox", { name: "旗县区" })).toHaveValue("150825");
  });
});

test.describe("language", () => {
  test("switches to English and back", async ({ page }) => {
    await page.goto(BAYANNUR_2023);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    await page.getByRole("button", { name: "English" }).click();

    await expect(heading(page)).toHaveText("Bayannur · performance overview 2023");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const promotions = page.getByTestId("card-promotions");
    await expect(promotions).toContainText("Promoted in frontline fields");
    await expect(promotions).toContainText("90 / 115 cadres");
    await expect(page.getByTestId("card-projects")).toContainText("96 lead cadres");
    // The cards hold no region names, so no Chinese may remain in them at all.
    for (const card of ["card-promotions", "card-arena", "card-projects"]) {
      await expect(page.getByTestId(card), card).not.toContainText(/\p{Script=Han}/u);
    }
    await expect(promotions).not.toContainText("一线领域提拔");
    // Headings and labels around the charts and the table are English too (banner names may stay Chinese).
    await expect(page.getByRole("heading", { name: "Banners, counties and districts compared" })).toBeVisible();
    await expect(comparisonTable(page).locator("thead")).not.toContainText(/\p{Script=Han}/u);
    await expect(page.getByRole("combobox", { name: "Year" })).toHaveValue("2023");

    await page.getByRole("button", { name: "中文" }).click();

    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年度实绩概览");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(promotions).toContainText("一线领域提拔");
  });
});

test.describe("unknown regions and bad requests", () => {
  test("an unknown region or a mistyped period falls back to the default view, saying so", async ({ page }) => {
    await page.goto("/?region=159999&year=2023");
    await expect(page.getByTestId("view-notice")).toHaveText("链接中的地区代码 159999 不存在，已显示内蒙古自治区。");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("内蒙古自治区 · 2023年度实绩概览");
    await expect(page.getByTestId("comparison-table")).toBeVisible();
    // The rest of the link is kept: only what does not parse is left out.
    await page.goto("/promotions?region=150800&year=20x3");
    await expect(page.getByTestId("view-notice")).toContainText("year=20x3");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("巴彦淖尔市");
  });

  test("the API answers 400 for a malformed region", async ({ page }) => {
    const response = await page.request.get("/api/overview?region=abc");
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body.message).toEqual(expect.stringContaining("地区代码应为 6 位数字"));
  });

  test("the API answers 404 for an unknown region", async ({ page }) => {
    const response = await page.request.get("/api/overview?region=159999");
    expect(response.status()).toBe(404);
    expect((await response.json()).message).toEqual(expect.stringContaining("159999"));
  });
});

test.describe("charts, changes and the reporting board", () => {
  test("a chart switches to its table and downloads its figures as CSV for Excel", async ({ page }) => {
    await page.goto(BAYANNUR_2023);
    const panel = page.getByTestId("panel-promotions");
    await panel.getByRole("button", { name: "查看表格" }).click();
    const table = panel.getByRole("table");
    await expect(table).toContainText("乌拉特后旗");
    await expect(table.locator("thead")).toContainText("一线领域");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "CSV" }).click(),
    ]);
    const bytes = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(bytes).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("地区,一线领域,非一线,提拔总数");
    expect(text).toContain("巴彦淖尔市本级,");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  test("cards show the change against the previous year", async ({ page }) => {
    await page.goto(BAYANNUR_2023);
    await expect(page.getByTestId("card-promotions").getByTestId("change")).toContainText("较2022年");
  });

  test("the reporting board shows which banners have not reported 2024's fourth quarter", async ({ page }) => {
    await page.goto("/?region=150800&year=2024");
    const board = page.getByTestId("reporting-board");
    await expect(board).toContainText("2024年度报送情况");
    await expect(board.locator("tbody tr")).toHaveCount(8);
    await expect(board.getByText("✗").first()).toBeVisible();
    await expect(board).toContainText("未报齐");
  });
});
