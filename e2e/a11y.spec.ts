import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { type DemoUser, signIn } from "./fixtures";

/**
 * Every page, scanned with axe-core against WCAG 2.1 A and AA, in Chinese and (a few) in English.
 * Serious and critical violations fail the test; each is printed with its rule, its help text and
 * the elements it was found on. Charts are scanned once they have drawn.
 */

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function readable(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n\n");
}

/** Waits until the page has settled: no loading skeleton, and every chart has drawn its SVG. */
async function settle(page: Page) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 20_000 });
  await page.waitForLoadState("networkidle");
  const charts = page.locator(".recharts-responsive-container");
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    await expect(charts.nth(i).locator("svg.recharts-surface").first()).toBeAttached({ timeout: 15_000 });
  }
  // Recharts animates bars and lines in; scan the final picture.
  await page.waitForTimeout(count > 0 ? 1_600 : 200);
}

async function scan(page: Page, path: string) {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious,
    `axe on ${path} (${await page.evaluate(() => document.documentElement.lang)}):\n\n${readable(serious)}`,
  ).toEqual([]);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await scan(page, path);
}

const pagesOf: Record<DemoUser, string[]> = {
  staff: [
    "/",
    "/promotions",
    "/arena",
    "/indicators",
    "/projects",
    "/projects/JB-150825-2023-001",
    "/adjustments",
    "/regions/150800",
    // A banner's profile and arena board with its townships, and a township's villages.
    "/regions/150802?year=2023",
    "/arena?region=150802&year=2023",
    "/regions/150802104?year=2023",
    "/account",
  ],
  admin: ["/admin/users", "/admin/audit"],
  // The upload pages as the people who use them (a viewer only gets the refusal).
  "wuhou-clerk": ["/upload", "/uploads", "/figures", "/notices", "/evaluations", "/job-fit"],
  // The named personnel lists shown (bayannur) and refused (the clerk has no personnel permission).
  bayannur: [
    "/evaluations",
    "/job-fit",
    "/young-cadres",
    "/selections",
    "/routine-assessments",
    "/member-care",
    "/organisations",
  ],
  // The reporting calendar as the league clerk who locks its periods, and the review queue as the
  // league clerk who reviews its banners' reports.
  "bayannur-clerk": ["/periods", "/review"],
  // The wall screen as the account it is made for.
  display: ["/screen", "/screen?region=150800"],
};

test.describe("axe: no serious or critical WCAG 2.1 AA violations", () => {
  test("/login, signed out", async ({ page }) => {
    await visit(page, "/login");
  });

  for (const [user, paths] of Object.entries(pagesOf) as [DemoUser, string[]][]) {
    for (const path of paths) {
      test(`${path} as ${user}`, async ({ page }) => {
        await signIn(page, user);
        await visit(page, path);
      });
    }
  }

  test("/uploads/<batch> as admin", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/uploads");
    const link = page.locator("main a[href^='/uploads/']").first();
    await expect(link).toBeAttached();
    const href = (await link.getAttribute("href")) ?? "";
    await visit(page, href);
  });

  test("/review/<submission> as bayannur-clerk", async ({ page }) => {
    // A report waiting for the league's review (the demo's 乌拉特前旗 2024 Q4): approve and return.
    await signIn(page, "bayannur-clerk");
    await page.goto("/review");
    const link = page.getByTestId("review-queue").locator("a[href^='/review/']").first();
    await expect(link).toBeAttached();
    const href = (await link.getAttribute("href")) ?? "";
    await visit(page, href);
    await expect(page.getByRole("button", { name: "审核通过并发布" })).toBeVisible();
  });

  test.describe("in English", () => {
    test.use({ locale: "en-US" });
    for (const [user, path] of [
      ["staff", "/"],
      ["staff", "/promotions"],
      ["staff", "/projects"],
      ["staff", "/regions/150800"],
      ["staff", "/regions/150802104"],
      ["admin", "/admin/users"],
      ["wuhou-clerk", "/upload"],
    ] as [DemoUser, string][]) {
      test(`${path} as ${user}`, async ({ page, context, baseURL }) => {
        // Signed in first: the sign-in route refuses a cookie-carrying request from no origin.
        await signIn(page, user);
        await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://127.0.0.1" }]);
        await visit(page, path);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      });
    }
    test("/login, signed out", async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://127.0.0.1" }]);
      await visit(page, "/login");
    });
  });
});
