import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

/** Who has not reported: from the reporting board's cells to the named list, and its export. */

test("a partial cell of the board opens the named list of the regions missing it", async ({ page }) => {
  await signIn(page, "staff");
  await page.goto("/?year=2024");
  const board = page.getByTestId("reporting-board");
  const cell = board.locator("tbody a").first();
  await expect(cell).toBeVisible();
  await cell.click();
  await expect(page).toHaveURL(/\/outstanding\?region=\d{6}&year=2024&dataset=\w+/);
  const table = page.getByTestId("outstanding-table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const rows = await table.locator("tbody tr").count();
  await expect(page.getByTestId("outstanding-count")).toHaveText(`共 ${rows} 份未报`);
  // Each row names a region (a league's own level or a banner), its league, the dataset and quarter.
  const first = await table.locator("tbody tr").first().locator("th, td").allInnerTexts();
  expect(first[0]).toMatch(/\p{Script=Han}/u);
  expect(first[3]).toMatch(/^(Q[1-4]|全年)$/);
});

test("the whole year's list, filtered by dataset, and exported", async ({ page }) => {
  await signIn(page, "staff");
  await page.goto("/outstanding?year=2024");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("内蒙古自治区未报清单 · 2024年");
  const table = page.getByTestId("outstanding-table");
  const all = await table.locator("tbody tr").count();
  expect(all).toBeGreaterThan(0);
  await page.getByTestId("outstanding-dataset").selectOption("promotions");
  await expect(page).toHaveURL(/dataset=promotions/);
  await expect(table.locator("tbody tr td:nth-child(3)").first()).toHaveText("提拔使用");
  const promotions = await table.locator("tbody tr").count();
  expect(promotions).toBeLessThanOrEqual(all);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSV" }).click(),
  ]);
  const file = (await readFile(await download.path()))
    .toString("utf8")
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r\n/);
  // Title lines (what, 数据截至, 演示数据), a blank line, then the table.
  expect(file[0]).toContain("未报报表");
  expect(file.join("\n")).toContain("数据截至");
  const lines = file.slice(file.indexOf("") + 1);
  expect(lines[0]).toBe("地区,所属,数据集,季度,状态,截止日期,逾期");
  expect(lines).toHaveLength(1 + promotions);
  // Each report's state: not sent, or sent and waiting for review, or returned.
  for (const line of lines.slice(1)) expect(line.split(",")[4], line).toMatch(/^(未报|待审核|已退回)$/);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "XLSX" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});

test("a league's official lists their own league only", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.goto("/outstanding?year=2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("巴彦淖尔市");
  const options = await page.getByTestId("outstanding-region").locator("option").allInnerTexts();
  expect(options.map((o) => o.trim())).toContain("巴彦淖尔市");
  expect(options.join()).not.toContain("鄂尔多斯市");
  await page.goto("/outstanding?region=150600&year=2024");
  await expect(page.getByText("只能查看本地区及下级的未报清单。")).toBeVisible();
});

test("the outstanding page has no serious or critical WCAG 2.1 AA violations", async ({ page }) => {
  await signIn(page, "staff");
  await page.goto("/outstanding?year=2024");
  await expect(page.getByTestId("outstanding-table")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
