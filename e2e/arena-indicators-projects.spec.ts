import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * /arena 擂台比武 and /indicators 成绩单 as the Bayannur official (viewer, home region 150800)
 * against the production build with the demo data. Bayannur's 2023 figures and 察右前旗's road
 * figures are the source reporting's (docs/data-contract.md §2) and must show exactly.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, "bayannur");
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const searchOf = (page: Page) => new URL(page.url()).searchParams;
const leagueSelect = (page: Page) => page.getByRole("combobox", { name: "盟市" });
const bannerSelect = (page: Page) => page.getByRole("combobox", { name: "旗县区" });

/** No part of the page is wider than the window (tables scroll inside their own boxes). */
async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("/arena 擂台比武", () => {
  const LEVELS = [
    ["旗县区", "拼经济", "9"],
    ["市直部门", "争一流", "77"],
    ["苏木乡镇", "促振兴", "74"],
    ["街道", "善治理", "17"],
    ["社区", "创示范", "140"],
    ["嘎查村", "惠民生", "652"],
  ] as const;

  test("Bayannur 2023: the six levels with their themes and the source's entries", async ({ page }) => {
    await page.goto("/arena?region=150800&year=2023");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 擂台比武 · 2023年");
    for (const [level, theme, entries] of LEVELS) {
      const card = page.getByTestId(`arena-card-${level}`);
      await expect(card, level).toContainText(level);
      await expect(card.getByTestId("arena-theme"), level).toHaveText(theme);
      await expect(card.getByTestId(`arena-level-${level}`), level).toHaveText(entries);
    }
    await expect(page.getByTestId("arena-total")).toContainText("969");
    await expect(page.getByTestId("chart-arena-children").locator(".recharts-bar-rectangle").first()).toBeAttached();
    await expect(page.getByTestId("chart-arena-histogram").locator(".recharts-bar-rectangle").first()).toBeAttached();
  });

  test("the leaderboard of Bayannur shows its secretaries, per level", async ({ page }) => {
    await page.goto("/arena?region=150800&year=2023");
    const board = page.getByTestId("arena-leaderboard");
    await expect(board.getByRole("tab", { name: /旗县区/ })).toHaveAttribute("aria-selected", "true");
    const secretaries = board.getByTestId("leader-secretary");
    await expect(secretaries).toHaveCount(9);
    await expect(secretaries.filter({ hasText: "仅本地区可见" })).toHaveCount(0);

    await board.getByRole("tab", { name: /嘎查村/ }).click();
    await expect(board.getByRole("tab", { name: /嘎查村/ })).toHaveAttribute("aria-selected", "true");
    await expect(secretaries).toHaveCount(10);
    await expect(secretaries.filter({ hasText: "仅本地区可见" })).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get("level")).toBe("嘎查村");

    // The chosen level is part of the link.
    await page.reload();
    await expect(page.getByTestId("arena-leaderboard").getByRole("tab", { name: /嘎查村/ })).toHaveAttribute(
      "aria-selected",
      "true",
    );
  });

  test("a chart switches to its table", async ({ page }) => {
    await page.goto("/arena?region=150800&year=2023");
    const panel = page.getByTestId("panel-arena-children");
    await panel.getByRole("button", { name: "查看表格" }).click();
    const table = panel.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.locator("tbody tr").first()).toContainText("巴彦淖尔市本级");
    await expect(table.getByRole("row", { name: /乌拉特后旗/ })).toBeVisible();
    await expect(panel.getByTestId("chart-arena-children")).toBeHidden();
    await panel.getByRole("button", { name: "查看图表" }).click();
    await expect(panel.getByTestId("chart-arena-children")).toBeVisible();
  });

  test("the root compares the 12 leagues; a league's bar opens its board", async ({ page }) => {
    await page.goto("/arena?region=150000&year=2023");
    await expect(heading(page)).toContainText("内蒙古自治区");
    const panel = page.getByTestId("panel-arena-children");
    await expect(panel).toContainText("各盟市参赛单位（按层级）");
    const bars = page.getByTestId("chart-arena-children").locator(".recharts-bar-rectangle path");
    await expect(bars.first()).toBeAttached();
    // Bars are ordered by value; in region-code order (the toggle), the first is 呼和浩特市.
    await page.getByTestId("chart-arena-children").getByRole("button", { name: "按区划代码" }).click();
    await bars.first().click();
    await expect(page).toHaveURL(/[?&]region=150100(&|$)/);
    await expect(heading(page)).toContainText("呼和浩特市");
  });

  test("the cascade: 巴彦淖尔市, then 乌拉特后旗; the view follows, a reload keeps it", async ({ page }) => {
    await page.goto("/arena?region=150000&year=2023");
    await expect(heading(page)).toHaveText("内蒙古自治区 · 擂台比武 · 2023年");
    await expect(bannerSelect(page)).toBeDisabled();

    await leagueSelect(page).selectOption({ label: "巴彦淖尔市" });
    await expect.poll(() => searchOf(page).get("region")).toBe("150800");
    expect(searchOf(page).get("year")).toBe("2023");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 擂台比武 · 2023年");
    await expect(page.getByTestId("arena-total")).toContainText("969");
    await expect(bannerSelect(page)).toHaveValue("");

    await bannerSelect(page).selectOption({ label: "乌拉特后旗" });
    await expect.poll(() => searchOf(page).get("region")).toBe("150825");
    await expect(heading(page)).toHaveText("乌拉特后旗 · 擂台比武 · 2023年");
    await expect(page.getByTestId("arena-total")).not.toContainText("969");
    const total = await page.getByTestId("arena-total").textContent();
    // The breadcrumb leads back up, keeping the year.
    const crumbs = page.getByRole("navigation", { name: "地区层级" });
    await expect(crumbs.getByRole("link", { name: "巴彦淖尔市" })).toHaveAttribute("href", /region=150800&year=2023/);

    await page.reload();
    await expect(heading(page)).toHaveText("乌拉特后旗 · 擂台比武 · 2023年");
    await expect(page.getByTestId("arena-total")).toHaveText(total ?? "");
    await expect(leagueSelect(page)).toHaveValue("150800");
    await expect(bannerSelect(page)).toHaveValue("150825");
  });

  test("a range of years adds the years up; there is no quarter", async ({ page }) => {
    await page.goto("/arena?year=2023");
    // No region in the URL: the official's home region.
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 擂台比武 · 2023年");
    await expect(page.getByText("季度", { exact: true })).toHaveCount(0);
    await page.getByText("区间", { exact: true }).click();
    await expect.poll(() => searchOf(page).get("to")).toBe("2023");
    await page.getByRole("combobox", { name: "起始年度" }).selectOption({ label: "2022年" });
    await expect.poll(() => searchOf(page).get("from")).toBe("2022");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 擂台比武 · 2022–2023年");
    const range = Number((await page.getByTestId("arena-level-嘎查村").textContent())?.replace(/\D/g, ""));
    // Each year alone, from the same API the page reads.
    const of = async (year: number) =>
      (await (await page.request.get(`/api/arena?region=150800&year=${year}`)).json()).byLevel.嘎查村 as number;
    expect(range).toBe((await of(2022)) + (await of(2023)));
    // The leaderboard says which year each entry is from.
    await expect(page.getByTestId("leaderboard-table").locator("thead")).toContainText("年度");

    await page.reload();
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 擂台比武 · 2022–2023年");
    expect((await page.request.get("/api/arena?region=150800&year=2023&quarter=3")).status()).toBe(400);
  });

  test("in English", async ({ page }) => {
    await page.goto("/arena?region=150800&year=2023");
    await page.getByRole("button", { name: "English" }).click();
    await expect(heading(page)).toHaveText("Bayannur · arena contests · 2023");
    await expect(page.getByTestId("arena-card-嘎查村")).toContainText("Gacha/villages");
    await expect(page.getByTestId("arena-card-嘎查村")).toContainText("Livelihoods");
    await expect(page.getByTestId("arena-leaderboard").locator("thead")).not.toContainText(/\p{Script=Han}/u);
  });
});

test.describe("/indicators 成绩单", () => {
  test("Bayannur 2023 Q3: industrial value-added growth 12%, 3rd, met", async ({ page }) => {
    await page.goto("/indicators?region=150800&year=2023&quarter=3");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年第3季度成绩单");
    const row = page.getByTestId("scorecard-row").filter({ hasText: "规模以上工业增加值增速" });
    await expect(row.getByTestId("scorecard-value")).toHaveText("12%");
    await expect(row.getByTestId("scorecard-rank")).toHaveText("第 3 名");
    await expect(row).toContainText("✓");
    await expect(row).toContainText("达标");

    await row.getByRole("button").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("indicator")).toBe("规模以上工业增加值增速");
    const trend = page.getByTestId("panel-indicator-trend");
    await expect(trend).toContainText("规模以上工业增加值增速");
    await expect(trend.locator(".recharts-line").first()).toBeAttached();
    await trend.getByRole("button", { name: "查看表格" }).click();
    await expect(trend.getByRole("row", { name: /2023年Q3/ })).toContainText("12");
    // The same indicator across Bayannur's banners, never summed.
    const across = page.getByTestId("indicator-across");
    await expect(across.locator("tbody tr").first()).toContainText("巴彦淖尔市本级");
    await expect(across.getByRole("rowheader", { name: "乌拉特后旗" })).toBeVisible();
  });

  test("察右前旗 2023, whole year: the road figures", async ({ page }) => {
    await page.goto("/indicators?region=150926&year=2023");
    await expect(heading(page)).toContainText("察哈尔右翼前旗");
    await expect(heading(page)).toContainText("2023年全年");
    const table = page.getByTestId("scorecard-table");
    for (const value of ["873 万元", "19.5 公里", "6 个", "12.7 公里", "24 个", "236.5 公里"]) {
      await expect(
        table.getByTestId("scorecard-value").filter({ hasText: new RegExp(`^${value}$`) }),
        value,
      ).toHaveCount(1);
    }
    await expect(table.getByText("无目标").first()).toBeVisible();
  });

  test("the autonomous region reported nothing itself: its leagues side by side, never summed", async ({ page }) => {
    await page.goto("/indicators?region=150000&year=2023&quarter=3");
    await expect(page.getByText("内蒙古自治区本级未上报")).toBeVisible();
    await page.getByRole("combobox", { name: "指标", exact: true }).selectOption("规模以上工业增加值增速");
    await expect.poll(() => new URL(page.url()).searchParams.get("indicator")).toBe("规模以上工业增加值增速");
    const across = page.getByTestId("indicator-across");
    await expect(across.locator("tbody tr")).toHaveCount(12);
    const bayannur = across.getByRole("row", { name: /巴彦淖尔市/ });
    await expect(bayannur).toContainText("12%");
    await expect(bayannur).toContainText("第 3 名");
  });

  test("the period picker offers a whole year or a quarter, not a range", async ({ page }) => {
    await page.goto("/indicators?region=150800&year=2022");
    await expect(page.getByText("区间", { exact: true })).toHaveCount(0);
    await page.getByText("季度", { exact: true }).first().click();
    await expect.poll(() => searchOf(page).get("quarter")).toBe("4");
    await page.getByRole("combobox", { name: "季度" }).selectOption({ label: "第3季度" });
    await expect.poll(() => searchOf(page).get("quarter")).toBe("3");
    await page.getByRole("combobox", { name: "年度" }).selectOption({ label: "2023年" });
    await expect.poll(() => searchOf(page).get("year")).toBe("2023");
    expect(searchOf(page).get("quarter")).toBe("3");
    expect(searchOf(page).get("region")).toBe("150800");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年第3季度成绩单");
    await expect(
      page.getByTestId("scorecard-row").filter({ hasText: "规模以上工业增加值增速" }).getByTestId("scorecard-value"),
    ).toHaveText("12%");
    // The cascade: a banner of the league, the period kept.
    await bannerSelect(page).selectOption({ label: "乌拉特后旗" });
    await expect.poll(() => searchOf(page).get("region")).toBe("150825");
    expect(searchOf(page).get("quarter")).toBe("3");
    await expect(heading(page)).toHaveText("乌拉特后旗 · 2023年第3季度成绩单");
  });

  test("a period without figures says so and offers the periods that have them", async ({ page }) => {
    await page.goto("/indicators?region=150800&year=2023");
    const empty = page.getByTestId("scorecard-empty");
    await expect(empty).toContainText("巴彦淖尔市2023年全年暂无上报的成绩单指标");
    // A viewer gets no upload link.
    await expect(empty.getByRole("link", { name: "上传数据" })).toHaveCount(0);
    await empty.getByRole("link", { name: "第3季度" }).click();
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年第3季度成绩单");
  });
});

test.describe("/projects 揭榜挂帅", () => {
  test("Bayannur 2023: 104 projects; a column sorts on the server and the URL keeps it", async ({ page }) => {
    await page.goto("/projects?year=2023");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 揭榜挂帅 · 2023年");
    await expect(page.getByTestId("projects-total")).toHaveText("共 104 个项目");
    const table = page.getByTestId("projects-table");
    const takenOn = table.getByRole("columnheader", { name: /揭榜日期/ });
    await expect(takenOn).toHaveAttribute("aria-sort", "descending");

    const planned = table.getByRole("columnheader", { name: /计划投资/ });
    await expect(planned).not.toHaveAttribute("aria-sort", /.+/);
    const firstCode = await table.locator("tbody tr").first().locator("td").first().textContent();
    await planned.getByRole("button").click();
    await expect.poll(() => searchOf(page).get("sort")).toBe("plannedInvestment");
    expect(searchOf(page).get("dir")).toBe("desc");
    expect(searchOf(page).get("year")).toBe("2023");
    await expect(planned).toHaveAttribute("aria-sort", "descending");
    await expect(takenOn).not.toHaveAttribute("aria-sort", /.+/);
    const amounts = async () =>
      (await table.getByTestId("planned-investment").allTextContents()).map((v) =>
        v === "—" ? Number.NaN : Number(v.replace(/,/g, "")),
      );
    const desc = (await amounts()).filter((n) => !Number.isNaN(n));
    expect(desc.length).toBeGreaterThan(1);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await expect(table.locator("tbody tr").first().locator("td").first()).not.toHaveText(firstCode ?? "");

    await planned.getByRole("button").click();
    await expect.poll(() => searchOf(page).get("dir")).toBe("asc");
    await expect(planned).toHaveAttribute("aria-sort", "ascending");
    const asc = (await amounts()).filter((n) => !Number.isNaN(n));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));

    // The next page keeps the sort; a reload shows the same.
    await page.getByRole("link", { name: "下一页" }).click();
    await expect.poll(() => searchOf(page).get("page")).toBe("2");
    expect(searchOf(page).get("sort")).toBe("plannedInvestment");
    await page.reload();
    await expect(planned).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByTestId("projects-total")).toHaveText("共 104 个项目");
  });

  test("a quarter, the cascade and the funnel's day", async ({ page }) => {
    await page.goto("/projects?region=150800&year=2023&sort=code&asOf=2023-12-31");
    await page.getByText("季度", { exact: true }).first().click();
    await expect.poll(() => searchOf(page).get("quarter")).toBe("4");
    // The sort and the funnel's day stay when the period changes.
    expect(searchOf(page).get("sort")).toBe("code");
    expect(searchOf(page).get("asOf")).toBe("2023-12-31");
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 揭榜挂帅 · 2023年第4季度");
    const q4 = Number((await page.getByTestId("projects-total").textContent())?.replace(/\D/g, ""));
    expect(q4).toBeLessThan(104);
    await expect(page.getByLabel("截至日期")).toHaveValue("2023-12-31");

    await bannerSelect(page).selectOption({ label: "乌拉特后旗" });
    await expect.poll(() => searchOf(page).get("region")).toBe("150825");
    expect(searchOf(page).get("quarter")).toBe("4");
    await expect(heading(page)).toHaveText("乌拉特后旗 · 揭榜挂帅 · 2023年第4季度");

    await page.getByText("全部", { exact: true }).click();
    await expect.poll(() => searchOf(page).get("years")).toBe("all");
    expect(searchOf(page).get("year")).toBeNull();
    await expect(heading(page)).toHaveText("乌拉特后旗 · 揭榜挂帅 · 全部年度");
    const all = Number((await page.getByTestId("projects-total").textContent())?.replace(/\D/g, ""));
    // Without a period the page shows the latest year with projects, as every page does.
    await page.goto("/projects?region=150825");
    await expect(heading(page)).toHaveText("乌拉特后旗 · 揭榜挂帅 · 2024年");
    await expect(page).toHaveTitle(/^乌拉特后旗 · 揭榜挂帅 · 2024年 — /);
    const latest = Number((await page.getByTestId("projects-total").textContent())?.replace(/\D/g, ""));
    expect(latest).toBeGreaterThan(0);
    expect(latest).toBeLessThan(all);
  });
});

test.describe("navigation and small screens", () => {
  test("the main navigation leads to both pages", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.getByRole("link", { name: "擂台比武" }).click();
    await expect(heading(page)).toContainText("擂台比武");
    await nav.getByRole("link", { name: "成绩单" }).click();
    await expect(heading(page)).toContainText("成绩单");
  });

  test("a phone renders both pages without horizontal overflow of the page", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/arena?region=150800&year=2023");
    await expect(page.getByTestId("arena-level-嘎查村")).toHaveText("652");
    await expectNoHorizontalOverflow(page);
    await page.goto("/indicators?region=150800&year=2023&quarter=3");
    await expect(page.getByTestId("scorecard-table")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    // The project list scrolls sideways inside its own box.
    await page.goto("/projects?region=150800&year=2023");
    const table = page.getByTestId("projects-table");
    await expect(table).toBeVisible();
    await expectNoHorizontalOverflow(page);
    const box = table.locator("..");
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});
