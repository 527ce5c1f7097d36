import { expect, type Page } from "@playwright/test";

/** The demo accounts of the README (they exist wherever the demo data was loaded). */
export const DEMO_PASSWORD = "demo12345";
export type DemoUser = "admin" | "staff" | "bayannur" | "wuhou-clerk" | "bayannur-clerk";

/**
 * Signs in through the same route scripts use (POST /api/auth/sign-in/username); the session
 * cookie lands in the page's browser context.
 */
export async function signIn(page: Page, username: DemoUser | string, password = DEMO_PASSWORD) {
  const response = await page.request.post("/api/auth/sign-in/username", { data: { username, password } });
  expect(response.status(), `sign-in as ${username}`).toBe(200);
}
