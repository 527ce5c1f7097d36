import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * The browser's print of a dashboard view: an A4 report of what is on screen. Navigation, pickers
 * and buttons go; the heading with region and period, the demo mark and the charts stay. The PDF
 * Chromium makes of each view is attached to the test for a look.
 */
test.use({ viewport: { width: 1280, height: 900 } });

test.beforeEach(async ({ page }) => {
  await signIn(page, "staff");
});

async function chartsDrawn(page: Page) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator("main .recharts-wrapper > svg.recharts-surface").first()).toBeVisible({ timeout: 15_000 });
}

for (const path of ["/", "/promotions", "/projects"]) {
  test(`print of ${path}: the report without the controls`, async ({ page }) => {
    await page.goto(path);
    await chartsDrawn(page);
    await expect(page.getByTestId("print-button").first()).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
    await expect(page.locator("main select").first()).toBeHidden();
    await expect(page.getByTestId("print-button").first()).toBeHidden();
    await expect(page.getByRole("button", { name: "CSV" }).first()).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("demo-badge")).toBeVisible();

    // Charts stay, no wider than the paper.
    const chart = page.locator("main .recharts-wrapper > svg.recharts-surface").first();
    await expect(chart).toBeVisible();
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await test.info().attach(`print${path === "/" ? "-overview" : path.replace("/", "-")}.pdf`, {
      body: pdf,
      contentType: "application/pdf",
    });
    const box = await chart.boundingBox();
    const main = await page.locator("main").boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((main?.x ?? 0) + (main?.width ?? 0) + 1);
  });
}
