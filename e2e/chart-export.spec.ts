import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { pictureOf } from "./pictures";

/**
 * Every chart's PNG is the whole panel as the user sees it — title, legend, axes — plus a caption
 * line naming the view, the day and the 演示数据 mark: never a legend icon, never blank.
 */

test.beforeEach(async ({ page }) => {
  await signIn(page, "staff");
});

const PAGES = [
  "/?region=150800&year=2023",
  "/promotions?region=150800&year=2023",
  "/adjustments?region=150800&year=2023",
  "/arena?region=150800&year=2023",
  "/indicators?region=150800&year=2023&quarter=4",
  "/projects?region=150800",
];

for (const path of PAGES) {
  test(`every chart of ${path} downloads as a picture of its whole panel`, async ({ page }) => {
    await page.goto(path);
    const panels = page.locator("[data-chart-panel]");
    await expect(panels.first()).toBeVisible();
    const count = await panels.count();
    expect(count).toBeGreaterThan(0);
    const heading = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
    for (let i = 0; i < count; i++) {
      const panel = panels.nth(i);
      const button = panel.getByRole("button", { name: "PNG", exact: true });
      await panel.locator(".recharts-surface, [data-testid=region-map] svg").first().waitFor();
      const box = await panel.boundingBox();
      if (!box) throw new Error("panel not laid out");
      const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
      expect(download.suggestedFilename()).toMatch(/\.png$/);
      const picture = await pictureOf(page, await readFile(await download.path()));
      // Twice the panel's size (the caption line adds to its height), with a chart's many colours.
      expect(picture.width, `panel ${i + 1}`).toBeGreaterThanOrEqual(Math.floor(box.width * 2) - 2);
      expect(picture.height, `panel ${i + 1}`).toBeGreaterThanOrEqual(Math.floor(box.height * 2) - 2);
      expect(picture.colours, `panel ${i + 1} is not blank`).toBeGreaterThan(20);
      // The caption was drawn for the picture only.
      await expect(panel.getByTestId("panel-caption")).toHaveCount(0);
      await expect(button).toHaveText("PNG");
      expect(heading.length).toBeGreaterThan(0);
    }
  });
}

test("the caption names the view, the day and the demo mark while the picture is drawn", async ({ page }) => {
  await page.goto("/promotions?region=150800&year=2023");
  const panel = page.locator("[data-chart-panel]:has(.recharts-surface)").first();
  await panel.locator(".recharts-surface").first().waitFor();
  // Watch the caption appear in the panel while the picture is made.
  const seen = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const observer = new MutationObserver(() => {
          const caption = document.querySelector('[data-testid="panel-caption"]');
          if (caption?.textContent) {
            observer.disconnect();
            resolve(caption.textContent);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "PNG", exact: true }).click(),
  ]);
  await download.path();
  const caption = await seen;
  expect(caption).toContain("巴彦淖尔市 · 提拔使用 · 2023年");
  expect(caption).toMatch(/导出于 \d{4}\/\d{2}\/\d{2}/);
  expect(caption).toContain("演示数据");
});

test("a chart also downloads as an SVG of its whole panel, with the caption and 数据截至", async ({ page }) => {
  await page.goto("/?region=150800&year=2023");
  const panel = page.locator("[data-chart-panel]:has(.recharts-surface)").first();
  await panel.locator(".recharts-surface").first().waitFor();
  const box = await panel.boundingBox();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "SVG", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const svg = await readFile(await download.path(), "utf8");
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [, width, height] = svg.match(/<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/) ?? [];
  expect(Number(width)).toBeGreaterThanOrEqual(Math.floor(box?.width ?? 0) - 1);
  expect(Number(height)).toBeGreaterThanOrEqual(Math.floor(box?.height ?? 0) - 1);
  // The panel as drawn: its title, the bars' regions, and the caption line.
  expect(svg).toContain("提拔使用");
  expect(svg).toContain("临河区");
  expect(svg).toContain("数据截至");
  expect(svg).toContain("演示数据");
  await expect(panel.getByRole("button", { name: "SVG", exact: true })).toHaveText("SVG");
});
