import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { pictureOf } from "./pictures";

/**
 * The map panel against the demo data: the leagues coloured by the ranking's figure, a legend,
 * the exact figure in a tooltip, a click drilling in, the table as the keyboard route, a picture.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, "staff");
});

const mapPanel = (page: Page) => page.getByTestId("map-panel");
const regions = (page: Page) => mapPanel(page).locator("[data-testid=region-map] path[data-code]");
const NO_DATA = "#d4d4d8";

test("the root shows the 12 leagues coloured by class, with a legend and the schematic mark", async ({ page }) => {
  await page.goto("/?year=2023");
  await expect(regions(page)).toHaveCount(12);
  const fills = await regions(page).evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
  expect(fills.every((fill) => fill && fill !== NO_DATA)).toBe(true);
  // More than one class: the leagues differ.
  expect(new Set(fills).size).toBeGreaterThan(1);
  const legend = mapPanel(page).getByTestId("map-legend").locator("li");
  expect(await legend.count()).toBeGreaterThan(1);
  // Every colour on the map is one of the legend's.
  const swatches = await legend.evaluateAll((items) => items.map((li) => li.getAttribute("data-colour")));
  for (const fill of fills) expect(swatches).toContain(fill);
  await expect(mapPanel(page).getByTestId("map-schematic")).toContainText("示意图");
});

test("the tooltip shows the ranking's figure, and a click on 巴彦淖尔市 drills to its 7 banners", async ({ page }) => {
  await page.goto("/?year=2023");
  await expect(regions(page)).toHaveCount(12);
  const ranking = page.getByTestId("ranking-table");
  const row = ranking.locator("tbody tr", { hasText: "巴彦淖尔市" });
  const value = (await row.locator('td[data-column="value"]').textContent())?.trim() ?? "";
  const rank = (await row.locator('td[data-column="rank"]').textContent())?.trim() ?? "";
  const bayannur = mapPanel(page).locator('path[data-code="150800"]');
  await bayannur.hover();
  const tooltip = mapPanel(page).getByTestId("map-tooltip");
  await expect(tooltip).toContainText("巴彦淖尔市");
  await expect(tooltip).toContainText(`${value} · 第${rank}名`);

  await bayannur.click();
  await expect(page).toHaveURL(/region=150800/);
  await expect(regions(page)).toHaveCount(7);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("巴彦淖尔市");
});

test("colouring by change diverges, by rank puts rank 1 darkest", async ({ page }) => {
  await page.goto("/?year=2024");
  await expect(regions(page)).toHaveCount(12);
  await mapPanel(page).getByTestId("map-measure").selectOption("rank");
  const first = page.getByTestId("ranking-table").locator("tbody tr").first();
  const name = (await first.locator("th").textContent())?.trim() ?? "";
  const legend = mapPanel(page).getByTestId("map-legend");
  await expect(legend).toContainText("第1");
  // data-value is the figure coloured by: here the rank.
  const first1 = mapPanel(page).locator('path[data-value="1"]').first();
  await expect(first1).toHaveAttribute("fill", "#08519c");
  await first1.hover();
  await expect(mapPanel(page).getByTestId("map-tooltip")).toContainText(name);
  await mapPanel(page).getByTestId("map-measure").selectOption("change");
  const colours = await legend.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-colour")));
  // Falls red, rises green: never the blues of a value.
  expect(colours.some((c) => c === "#08519c" || c === "#eff3ff")).toBe(false);
});

test("the table alternative is reachable by keyboard and holds every league's figure", async ({ page }) => {
  await page.goto("/?year=2023");
  await expect(regions(page)).toHaveCount(12);
  const toggle = mapPanel(page).getByRole("button", { name: "查看表格" });
  // Reached with Tab from the panel's title: the page's own order, no mouse.
  await mapPanel(page).getByRole("heading").click();
  await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  const table = mapPanel(page).getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(12);
  await expect(table).toContainText("巴彦淖尔市");
  await page.keyboard.press("Enter");
  await expect(regions(page)).toHaveCount(12);
});

test("a league lists its functional zones beside the map, a banner is outlined among its league's", async ({
  page,
}) => {
  await page.goto("/?region=150100&year=2023");
  await expect(regions(page)).not.toHaveCount(0);
  await expect(mapPanel(page).getByTestId("map-off-map")).toContainText("呼和浩特经济技术开发区");
  await page.goto("/?region=150802&year=2023");
  await expect(regions(page)).toHaveCount(7);
  await expect(mapPanel(page).getByTestId("map-outline")).toHaveCount(1);
  await mapPanel(page).locator('path[data-code="150825"]').click();
  await expect(page).toHaveURL(/region=150825/);
});

test("the map's PNG is a picture of the map, not blank", async ({ page }) => {
  await page.goto("/?year=2023");
  await expect(regions(page)).toHaveCount(12);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    mapPanel(page).getByRole("button", { name: "PNG", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/地图.*\.png$/);
  const picture = await pictureOf(page, await readFile(await download.path()), [
    "#eff3ff",
    "#bdd7e7",
    "#6baed6",
    "#3182bd",
    "#08519c",
  ]);
  // The classes' colours are in the picture: the regions were drawn, not an empty frame.
  expect(picture.found.length).toBeGreaterThanOrEqual(3);
});

for (const path of ["/promotions", "/arena", "/projects", "/evaluations", "/member-care", "/regions/150000"]) {
  test(`${path} has the map of the leagues`, async ({ page }) => {
    await page.goto(`${path}?year=2023`);
    await expect(regions(page)).toHaveCount(12);
  });
}
