import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * The ranking panels against the demo data, whose latest year (2024) still misses some fourth
 * quarters: the marks say so, the change is like for like, and 2023 is complete.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, "staff");
});

const panel = (page: Page) => page.getByTestId("ranking-panel");
const table = (page: Page) => panel(page).getByTestId("ranking-table");

/** The figures of a column as the user reads them, top to bottom (— is no figure). */
async function columnValues(t: Locator, column: string): Promise<(number | null)[]> {
  const texts = await t.locator(`tbody td[data-column="${column}"]`).allInnerTexts();
  return texts.map((text) => {
    const figure = text.replace(/[,\s%]/g, "").replace("−", "-");
    return figure === "—" || figure === "" ? null : Number(figure);
  });
}

const ordered = (values: (number | null)[], direction: "ascending" | "descending") => {
  const present = values.filter((v): v is number => v !== null);
  const sorted = [...present].sort((a, b) => (direction === "ascending" ? a - b : b - a));
  return present.join() === sorted.join();
};

test("the overview ranks the leagues, sortable by any column, ranks agreeing with the values", async ({ page }) => {
  await page.goto("/?year=2024");
  await expect(table(page).locator("tbody tr")).toHaveCount(12);
  // Default: by rank, 1 first; the highest value is ranked 1.
  const rankHeader = table(page).getByRole("columnheader", { name: "名次", exact: true });
  await expect(rankHeader).toHaveAttribute("aria-sort", "ascending");
  const ranks = await columnValues(table(page), "rank");
  expect(ranks[0]).toBe(1);
  expect(ordered(ranks, "ascending")).toBe(true);
  expect(ordered(await columnValues(table(page), "value"), "descending")).toBe(true);

  const valueHeader = table(page).getByRole("columnheader", { name: "数值", exact: true });
  await valueHeader.getByRole("button").click();
  const first = (await valueHeader.getAttribute("aria-sort")) as "ascending" | "descending";
  expect(["ascending", "descending"]).toContain(first);
  expect(ordered(await columnValues(table(page), "value"), first)).toBe(true);
  await valueHeader.getByRole("button").click();
  const second = first === "ascending" ? "descending" : "ascending";
  await expect(valueHeader).toHaveAttribute("aria-sort", second);
  expect(ordered(await columnValues(table(page), "value"), second)).toBe(true);
  await expect(rankHeader).toHaveAttribute("aria-sort", "none");

  const changeHeader = table(page).getByRole("columnheader", { name: "较上期", exact: true });
  await changeHeader.getByRole("button").click();
  const direction = (await changeHeader.getAttribute("aria-sort")) as "ascending" | "descending";
  expect(ordered(await columnValues(table(page), "change"), direction)).toBe(true);

  // By region: administrative code order, Hohhot (150100) first.
  const regionHeader = table(page).getByRole("columnheader", { name: "地区", exact: true });
  await regionHeader.getByRole("button").click();
  const codes = await table(page)
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
  const sortedCodes = [...codes].sort();
  expect(codes.join() === sortedCodes.join() || codes.join() === [...sortedCodes].reverse().join()).toBe(true);
  await expect(table(page).locator("tbody tr").first().locator("th")).toHaveText(/呼和浩特市|阿拉善盟/);
});

test("2024 is marked incomplete and compared like for like; 2023 is complete", async ({ page }) => {
  await page.goto("/?year=2024");
  await expect(panel(page).locator("[data-incomplete]").first()).toHaveText(/^未报齐 \d+\/\d+$/);
  await expect(panel(page).getByTestId("ranking-like-for-like")).toHaveText("同口径比较");
  // The promotions card: the same mark, and its change says it is like for like.
  const card = page.getByTestId("card-promotions");
  await expect(card.locator("[data-incomplete]")).toHaveText(/^未报齐 \d+\/\d+$/);
  await expect(card.getByTestId("change")).toContainText("同口径比较");
  // Rank changes read as ↑2 / ↓1 / – with words for a screen reader.
  const change = table(page).locator('td[data-column="rankChange"]').first();
  await expect(change).toHaveText(/^(↑\d+|↓\d+|–)(上升 \d+ 位|下降 \d+ 位|名次不变)$/);

  await page.goto("/?year=2023");
  await expect(table(page).locator("tbody tr")).toHaveCount(12);
  await expect(panel(page).locator("[data-incomplete]")).toHaveCount(0);
  await expect(page.getByTestId("card-promotions").locator("[data-incomplete]")).toHaveCount(0);
});

test("a dataset page ranks by its own metrics and exports the rows it shows", async ({ page }) => {
  await page.goto("/promotions?region=150800&year=2024");
  await expect(table(page).locator("tbody tr")).toHaveCount(8);
  // 本级 is listed, never ranked.
  const own = table(page).locator('tbody tr[data-code="150800"]');
  await expect(own.locator('td[data-column="rank"]')).toContainText("—");
  await panel(page).getByTestId("ranking-metric").selectOption("frontlineShare");
  await expect(table(page).locator('tbody td[data-column="value"]').first()).toHaveText(/%$/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel(page).getByRole("button", { name: "CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = (await readFile(await download.path())).toString("utf8").replace(/^\ufeff/, "");
  const file = text.trim().split(/\r\n/);
  // Title lines (what, the view, 数据截至, 演示数据), a blank line, then the table.
  expect(file[0]).toContain("按一线提拔占比排名");
  const lines = file.slice(file.indexOf("") + 1);
  expect(lines[0]).toContain("一线提拔占比（%）");
  expect(lines).toHaveLength(1 + 8);
  expect(text).toContain("乌拉特后旗");
  // A number a spreadsheet can add up: the share as its percentage under a "(%)" header.
  const share = Number(lines[1].split(",")[1]);
  expect(share).toBeGreaterThan(1);
  expect(share).toBeLessThanOrEqual(100);

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    panel(page).getByRole("button", { name: "XLSX" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile(await xlsx.path())).subarray(0, 2).toString()).toBe("PK");
});

test("the comparison bars can be ordered by region code and labelled", async ({ page }) => {
  await page.goto("/?year=2024");
  const chart = page.getByTestId("chart-promotions");
  await expect(chart.locator('[role="img"]')).toHaveAttribute("data-order", "value");
  await chart.getByRole("button", { name: "按区划代码" }).click();
  await expect(chart.locator('[role="img"]')).toHaveAttribute("data-order", "code");
  await expect(
    chart.locator(".recharts-yAxis-tick-labels text, .recharts-cartesian-axis-tick text").first(),
  ).toContainText("呼和浩特市");
  await chart.getByRole("button", { name: "数据标签" }).click();
  await expect(chart.locator("[data-bar-label]")).toHaveCount(12);
  await expect(chart.getByTestId("bars-incomplete")).toContainText("未报齐");
});

test("in English the marks read Incomplete and like-for-like", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL as string }]);
  await page.goto("/?year=2024");
  await expect(panel(page).locator("[data-incomplete]").first()).toHaveText(/^Incomplete \d+\/\d+$/);
  await expect(panel(page).getByTestId("ranking-like-for-like")).toHaveText("like-for-like");
  await expect(page.getByTestId("card-promotions").getByTestId("change")).toContainText("like-for-like");
});

test("the promotions and adjustments pages mark 2024 incomplete on their cards, bars and downloads", async ({
  page,
}) => {
  for (const prefix of ["promotions", "adjustments"]) {
    await page.goto(`/${prefix}?year=2024`);
    const cards = page.locator("main section").filter({ has: page.locator("[data-incomplete]") });
    await expect(cards.first().locator("[data-incomplete]")).toHaveText(/^未报齐 \d+\/\d+$/);
    const regions = page.getByTestId(`panel-${prefix}-regions`);
    await expect(regions.getByTestId("bars-incomplete")).toContainText(/^\* .+ 未报齐 \d+\/\d+/);
    // The starred league is starred on the chart's axis too.
    const starred = (await regions.getByTestId("bars-incomplete").textContent())?.match(/^\* (\S+) /)?.[1];
    await expect(
      regions.locator("text.recharts-cartesian-axis-tick-value").filter({ hasText: `${starred} *` }),
    ).toHaveCount(1);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      regions.getByRole("button", { name: "CSV" }).click(),
    ]);
    const text = await readFile(await csv.path(), "utf8");
    expect(text).toContain(",报送");
    expect(text).toMatch(new RegExp(`${starred},[^\\n]*,未报齐 \\d+/\\d+`));
  }
  await page.goto("/promotions?year=2023");
  await expect(page.getByTestId("promotions-headline")).toBeVisible();
  await expect(page.locator("main [data-incomplete]")).toHaveCount(0);
  await expect(page.getByTestId("bars-incomplete")).toHaveCount(0);
});
