import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * Below the banner (docs/data-contract.md §4.10) as the Bayannur official, against the production build
 * with the demo data: 临河区's arena board and profile list its townships with their figures (2023: all of
 * Bayannur's townships entered the 苏木乡镇 contest), the lines add up to the total with 未注明乡镇, and a
 * township's name opens its page of villages.
 */
test.beforeEach(async ({ page }) => {
  await signIn(page, "bayannur");
});

const panel = (page: Page) => page.getByTestId("places-panel");
const cell = (row: Locator, column: string) => row.locator(`[data-column="${column}"]`);
const number = async (l: Locator) => Number(((await l.textContent()) ?? "").replace(/[^0-9]/g, ""));

const numbers = async (l: Locator) => (await l.allTextContents()).map((t) => Number(t.replace(/[^0-9]/g, "")));
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

async function expectLinesAddUp(page: Page) {
  const table = panel(page).getByTestId("places-table");
  for (const column of ["arena", "organisations", "members"]) {
    const lines = sum(await numbers(table.locator(`tbody [data-column="${column}"]`)));
    const unmarked = sum(await numbers(table.getByTestId("places-unmarked").locator(`[data-column="${column}"]`)));
    expect(lines + unmarked, column).toBe(await number(cell(table.getByTestId("places-total"), column)));
  }
}

test("the township list of a banner: 临河区's arena board, then a township's villages", async ({ page }) => {
  await page.goto("/arena?region=150802&year=2023");
  await expect(panel(page).getByRole("heading", { name: "苏木乡镇", level: 2 })).toBeVisible();
  const shuanghe = panel(page).locator('tbody tr[data-code="150802104"]');
  await expect(shuanghe.getByRole("link", { name: "双河镇" })).toHaveAttribute("href", "/regions/150802104?year=2023");
  expect(await number(cell(shuanghe, "arena"))).toBeGreaterThan(0);
  // The demo's register has committees in a few of each banner's townships.
  const withOrganisations = (await numbers(panel(page).locator('tbody [data-column="organisations"]'))).filter(
    (n) => n > 0,
  ).length;
  expect(withOrganisations).toBeGreaterThan(0);
  // The banner's own 旗县区 entry names no township.
  await expect(panel(page).getByTestId("places-unmarked")).toContainText("未注明乡镇");
  await expectLinesAddUp(page);

  // Sorted by entries, most first (figures sort descending first): the first row has at least as many as 双河镇.
  await panel(page).getByRole("button", { name: "擂台比武参赛" }).click();
  await expect(panel(page).getByRole("columnheader", { name: /擂台比武参赛/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const first = panel(page).locator("tbody tr").first();
  expect(await number(cell(first, "arena"))).toBeGreaterThanOrEqual(await number(cell(shuanghe, "arena")));

  await shuanghe.getByRole("link", { name: "双河镇" }).click();
  await expect(page).toHaveURL(/\/regions\/150802104\?year=2023$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("双河镇 · 苏木乡镇");
  await expect(
    page.getByRole("navigation", { name: "地区层级" }).getByRole("link", { name: "临河区" }),
  ).toHaveAttribute("href", "/regions/150802?year=2023");
  await expect(panel(page).getByRole("heading", { name: "嘎查村·社区", level: 2 })).toBeVisible();
  const villages = panel(page).locator('tbody tr[data-code^="150802104"]');
  expect(await villages.count()).toBeGreaterThan(3);
  await expect(villages.first().getByRole("link")).toHaveCount(0);
  expect(await number(cell(panel(page).getByTestId("places-total"), "arena"))).toBeGreaterThan(0);
  await expectLinesAddUp(page);
});

test("a banner's profile lists its townships too, and a township's page answers in English", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("/regions/150802?year=2023");
  await expect(panel(page).locator('tbody tr[data-code="150802104"]')).toContainText("双河镇");
  await expectLinesAddUp(page);
  // A league's profile has its banners, no townships.
  await page.goto("/regions/150800?year=2023");
  await expect(page.getByTestId("profile-children")).toBeVisible();
  await expect(panel(page)).toHaveCount(0);

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://127.0.0.1" }]);
  await page.goto("/regions/150802104");
  await expect(panel(page).getByRole("heading", { name: "Villages and communities", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("双河镇 · township");
  // An unknown township is no page.
  const missing = await page.goto("/regions/150802999");
  expect(missing?.status()).toBe(404);
});
