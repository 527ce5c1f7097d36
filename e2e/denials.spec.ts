import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { adminApi, createUser } from "./test-users";

/**
 * What the server refuses, whatever the browser shows: another region's figures, another
 * league's names, a disabled account's open session, password guessing, anonymous and
 * cross-site requests. Hidden links are not what is tested here; the answers are.
 */

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
// Inside <main>: Next's route announcer is an (empty) alert of its own.
const alert = (page: Page) => page.getByRole("main").getByRole("alert");
const status = (page: Page) => page.getByRole("main").getByRole("status");

const figure = (region: string, count: number) => ({
  dataset: "promotions",
  region,
  year: 2023,
  quarter: 4,
  key: "乡村振兴",
  count,
});

async function promotionsTotal(page: Page, region: string, year = 2023): Promise<number> {
  const response = await page.request.get(`/api/overview?region=${region}&year=${year}`);
  expect(response.status()).toBe(200);
  return (await response.json()).totals.promotions.total;
}

test("a clerk of 乌拉特后旗 cannot write a 临河区 figure, by form or by API", async ({ page }) => {
  await signIn(page, "wuhou-clerk");
  const before = await promotionsTotal(page, "150802");

  await page.goto("/figures");
  const region = page.getByRole("combobox", { name: "地区" });
  await region.fill("临河");
  await page.getByRole("option", { name: /临河区/ }).click();
  await expect(region).toHaveValue("临河区");
  await page.getByLabel("年度").fill("2023");
  await page.getByLabel("季度").selectOption({ label: "第4季度" });
  await page.getByLabel("人数").fill("999");
  await page.getByRole("button", { name: "保存" }).click();

  await expect(alert(page)).toContainText("您只能填报本地区");
  await expect(status(page)).toHaveCount(0);

  const response = await page.request.post("/api/figures", { data: figure("150802", 999) });
  expect(response.status()).toBe(403);
  expect((await response.json()).message).toContain("您只能填报本地区");

  expect(await promotionsTotal(page, "150802"), "临河区 unchanged").toBe(before);
});

test("a viewer writes nothing: the data-entry page says so and the API answers 403", async ({ page }) => {
  await signIn(page, "bayannur");
  const before = await promotionsTotal(page, "150800");

  await page.goto("/figures");
  await expect(heading(page)).toHaveText("无权限");
  await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);

  const response = await page.request.post("/api/figures", { data: figure("150800", 999) });
  expect(response.status()).toBe(403);
  expect(await promotionsTotal(page, "150800")).toBe(before);
});

test("a Bayannur viewer sees another league's projects without names", async ({ page }) => {
  await signIn(page, "bayannur");

  // Editing the URL to 鄂尔多斯市: the list opens (counts are no secret), the names do not.
  await page.goto("/projects?region=150600");
  await expect(heading(page)).toContainText("鄂尔多斯市");
  const table = page.getByTestId("projects-table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const cadres = table.getByTestId("lead-cadre");
  const shown = await cadres.count();
  expect(shown).toBeGreaterThan(0);
  await expect(cadres.filter({ hasText: "仅本地区可见" })).toHaveCount(shown);
  await expect(table.getByTestId("cadre-unit").filter({ hasText: "仅本地区可见" })).toHaveCount(shown);

  const api = await (await page.request.get("/api/projects?region=150600")).json();
  expect(api.rows.length).toBeGreaterThan(0);
  for (const row of api.rows) {
    expect(row).toMatchObject({ leadCadre: null, cadreUnit: null, namesHidden: true });
  }

  // At home the names show.
  await page.goto("/projects?region=150800");
  await expect(heading(page)).toContainText("巴彦淖尔市");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expect(table).not.toContainText("仅本地区可见");
  await expect(table.getByTestId("lead-cadre").first()).not.toHaveText(/^(—|)$/);
});

test("a disabled user's open session stops working at once", async ({ page, baseURL }) => {
  const admin = await adminApi(baseURL);
  const user = await createUser(admin, { prefix: "e2e-off" });
  await signIn(page, user.username, user.password);
  await page.goto("/");
  await expect(heading(page)).toContainText("巴彦淖尔市");

  const disable = await admin.patch(`/api/users/${user.id}`, { data: { disabled: true } });
  expect(disable.status()).toBe(200);
  await admin.dispose();

  await page.reload();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  expect((await page.request.get("/api/me")).status()).toBe(401);

  // Nor can they start a new session.
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(alert(page)).toHaveText("账号已停用，请联系管理员");
});

test("the 6th wrong password within 5 minutes gets 429 and says when to retry", async ({ page, baseURL }) => {
  const admin = await adminApi(baseURL);
  const user = await createUser(admin, { prefix: "e2e-lock" });
  await admin.dispose();

  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await page.request.post("/api/auth/sign-in/username", {
      data: { username: user.username, password: `wrong-${attempt}` },
    });
    expect(response.status(), `attempt ${attempt}`).toBe(401);
  }

  await page.goto("/login");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill("wrong-6");
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/username"));
  await page.getByRole("button", { name: "登录" }).click();

  expect((await answer).status()).toBe(429);
  await expect(alert(page)).toContainText(/该用户名登录失败次数过多，请于 \d{2}:\d{2}:\d{2} 之后再试/);
  // Locked means locked: the right password waits too.
  const right = await page.request.post("/api/auth/sign-in/username", {
    data: { username: user.username, password: user.password },
  });
  expect(right.status()).toBe(429);
});

test("anonymous API calls get 401", async ({ request }) => {
  for (const path of ["/api/overview", "/api/projects?region=150800", "/api/me"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
  }
});

test("search engines are asked to stay out, before any sign-in", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
});

test("a write from another site is refused", async ({ page }) => {
  // The clerk may write 乌拉特后旗; only the foreign Origin stands in the way.
  await signIn(page, "wuhou-clerk");
  const before = await promotionsTotal(page, "150825");

  const response = await page.request.post("/api/figures", {
    headers: { Origin: "https://evil.example" },
    data: figure("150825", 999),
  });

  expect(response.status()).toBe(403);
  expect(await promotionsTotal(page, "150825")).toBe(before);
});
