import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { newUser } from "./test-users";

/**
 * Pages with input no link produces (a batch id that is no number, a region that is no code, a
 * NUL byte in a filter) answer with "not found" or a message, never with a server error. Asked
 * by an administrator of the test's own, who may open every page and door.
 */
const admin = (baseURL: string | undefined) =>
  newUser(baseURL, { prefix: "e2e-admin", role: "admin", regionCode: "150000" });

test("pages with impossible parameters answer 404 or a message, never 500", async ({ page, baseURL }) => {
  const me = await admin(baseURL);
  await signIn(page, me.username, me.password);
  for (const path of [
    "/uploads/abc",
    "/uploads/0",
    "/uploads/9999999999999",
    "/uploads/%00",
    "/review/abc",
    "/review/0",
    "/review/9999999999999",
    "/review/%00",
    "/regions/xyz",
    "/regions/15080%00",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" }), path).toBeVisible();
  }
  // The project list drops a funnel day that is no day and shows the list.
  expect((await page.goto("/projects?asOf=2023-13-45"))?.status()).toBe(200);
  for (const path of ["/admin/audit?user=%00", "/admin/audit?action=a%00b", "/admin/audit?from=2023-99-99"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("main").getByRole("alert"), path).toContainText(/控制字符|日期/);
  }
});

test("the API answers impossible parameters with 400 and a message", async ({ page, baseURL }) => {
  const me = await admin(baseURL);
  await signIn(page, me.username, me.password);
  for (const path of [
    "/api/regions?q=%00",
    "/api/audit?user=%00",
    "/api/audit?action=%00",
    "/api/audit?from=2023-99-99",
    "/api/project-stats?asOf=2023-13-45",
    "/api/uploads/abc",
    "/api/uploads/0",
    "/api/uploads/9999999999999",
    "/api/submissions/abc",
    "/api/submissions/0",
    "/api/submissions/9999999999999",
    "/api/submissions/abc/approve",
    "/api/submissions/%00/return",
    "/api/users/%00/password",
  ]) {
    const body: Record<string, Record<string, string>> = {
      "/password": { password: "long-enough" },
      "/approve": { fingerprint: "0".repeat(32) },
      "/return": { reason: "理由" },
    };
    const posted = Object.keys(body).find((ending) => path.endsWith(ending));
    const response = posted ? await page.request.post(path, { data: body[posted] }) : await page.request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).message, path).toMatch(/\p{Script=Han}/u);
  }
});
