import { expect, type Page } from "@playwright/test";

/** The demo accounts of the README (they exist wherever the demo data was loaded). */
export const DEMO_PASSWORD = "demo12345";
export type DemoUser = "admin" | "staff" | "bayannur" | "wuhou-clerk" | "bayannur-clerk" | "display";

/**
 * Signs in through the same route scripts use (POST /api/auth/sign-in/username); the session
 * cookie lands in the page's browser context.
 */
export async function signIn(page: Page, username: DemoUser | string, password = DEMO_PASSWORD) {
  const response = await page.request.post("/api/auth/sign-in/username", { data: { username, password } });
  expect(response.status(), `sign-in as ${username}`).toBe(200);
}

/** The promotions total of a region for 2024, read from the overview card ("frontline / total 人"). */
export async function overviewTotal(page: Page, region: string): Promise<number> {
  await page.goto(`/?region=${region}&year=2024`);
  const card = page.getByTestId("card-promotions");
  await expect(card).toContainText(/\d+ \/ [\d,]+ 人/);
  const match = /\/ ([\d,]+) 人/.exec((await card.textContent()) ?? "");
  return Number(match?.[1].replace(/,/g, ""));
}
