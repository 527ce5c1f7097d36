import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./fixtures";
import { commitRows } from "./test-data";
import { adminApi, apiAs, newUser } from "./test-users";

/**
 * The wall screen (/screen) as the display account it is made for: it rotates through the
 * datasets, picks up newly published figures by itself, survives a lost connection, shows no
 * person's name, and fits 1080p and 4K panels with text that grows with the panel.
 */

/** The demo accounts' names and usernames (db/seed/demo.ts): none may appear on a screen. */
const ACCOUNT_NAMES = [
  "系统管理员",
  "自治区组织部干部",
  "巴彦淖尔市领导",
  "乌拉特后旗填报员",
  "巴彦淖尔市填报员",
  "临河区填报员",
  "乌拉特前旗填报员",
  "自治区大屏",
  "wuhou-clerk",
  "bayannur-clerk",
  "linhe-clerk",
  "wuqian-clerk",
];

async function openScreen(page: Page, path: string) {
  await signIn(page, "display");
  await page.goto(path, { waitUntil: "load" });
  await expect(page.getByTestId("screen")).toBeVisible();
}

/** Nothing outside the viewport, no scroll bars, and no text cut short by its box. */
async function expectFits(page: Page) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    const root = document.documentElement;
    if (root.scrollWidth > w || root.scrollHeight > h) found.push(`page ${root.scrollWidth}×${root.scrollHeight}`);
    for (const el of document.querySelectorAll<HTMLElement>("[data-testid=screen] *")) {
      if (!el.textContent?.trim() || el.children.length > 0) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > w + 1 || box.bottom > h + 1 || box.left < -1 || box.top < -1)
        found.push(`outside: ${el.textContent.slice(0, 30)}`);
      if (el.scrollWidth > el.clientWidth + 1) found.push(`cut: ${el.textContent.slice(0, 30)}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("rotates through the datasets, every slide fitting the panel", async ({ page, baseURL }) => {
      // The longest names there are: a functional zone's report, approved, heads the approvals.
      const clerk = await newUser(baseURL, { prefix: "e2e-screen-zone", role: "clerk", regionCode: "150172" });
      await commitRows(await apiAs(baseURL, clerk), "promotions", [
        ["地区", "年度", "季度", "领域", "人数"],
        ["呼和浩特经济技术开发区", 2024, 3, "其他一线", 10 + (Date.now() % 50)],
      ]);
      await openScreen(page, "/screen?interval=5");
      await expect(page.getByTestId("screen-approvals")).toContainText(
        "呼和浩特经济技术开发区 · 提拔使用 · 2024年第3季度",
      );
      const screen = page.getByTestId("screen");
      const title = page.getByTestId("screen-title");
      await expect(screen).toHaveAttribute("data-slide", "promotions");
      await expect(title).toHaveText("提拔使用");
      // The map in the centre: the 12 leagues, each coloured by its class.
      const leagues = screen.locator("[data-testid=region-map] path[data-code]");
      await expect(leagues).toHaveCount(12);
      const fills = await leagues.evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
      expect(new Set(fills).size).toBeGreaterThan(1);
      await expectFits(page);
      await expect(screen).toHaveAttribute("data-slide", "adjustments", { timeout: 8000 });
      await expect(title).toHaveText("能上能下");
      await expectFits(page);
      // Text follows the panel: the title's size is a share of the viewport's width.
      const size = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(size / viewport.width).toBeGreaterThan(0.02);
      expect(size / viewport.width).toBeLessThan(0.03);
    });
  });
}

test("a region's screen shows its children, with no person's name anywhere", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const admin = await adminApi(baseURL);
  const records = await admin.get("/api/evaluations/records?region=150000");
  expect(records.status()).toBe(200);
  const cadres = ((await records.json()) as { rows: { cadre: string }[] }).rows.map((r) => r.cadre);
  expect(cadres.length, "the demo's evaluations name cadres").toBeGreaterThan(0);

  await openScreen(page, "/screen?region=150800&interval=5");
  await expect(page.getByTestId("screen-ranking")).toContainText("临河区");
  await expect(page.locator("[data-testid=region-map] path[data-code]")).toHaveCount(7);
  const screen = page.getByTestId("screen");
  // The first slides, and the evaluations' (whose records name the cadres) among them.
  for (const slide of ["promotions", "adjustments", "arena", "projects", "evaluations"]) {
    await expect(screen).toHaveAttribute("data-slide", slide, { timeout: 8000 });
    const text = (await screen.textContent()) ?? "";
    for (const name of [...ACCOUNT_NAMES, ...cadres]) expect(text, `a name on the screen: ${name}`).not.toContain(name);
  }
});

test("refreshes by itself after new figures are published", async ({ page, baseURL }) => {
  await openScreen(page, "/screen?region=150800&interval=600");
  const figure = page.getByTestId("screen-figure-promotions");
  await expect(figure).not.toBeEmpty();
  const before = (await figure.textContent()) ?? "";
  const version = await page.getByTestId("screen").getAttribute("data-version");

  // A banner clerk's report, published by the league's approval: the figure moves, no reload.
  const clerk = await newUser(baseURL, { prefix: "e2e-screen", role: "clerk", regionCode: "150822" });
  await commitRows(await apiAs(baseURL, clerk), "promotions", [
    ["地区", "年度", "季度", "领域", "人数"],
    ["磴口县", 2024, 3, "其他一线", 4000 + (Date.now() % 900)],
  ]);
  await expect(page.getByTestId("screen")).not.toHaveAttribute("data-version", version ?? "", { timeout: 25_000 });
  await expect(figure).not.toHaveText(before);
  await expect(page.getByTestId("screen-approvals")).toContainText("磴口县");
});

test("keeps the last view while the server cannot be reached, and recovers by itself", async ({ page }) => {
  await openScreen(page, "/screen?region=150800&interval=600");
  const title = page.getByTestId("screen-title");
  await expect(title).toHaveText("提拔使用");
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
  await expect(page.getByTestId("screen-offline")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("screen-offline")).toHaveText("连接中断，正在重试");
  await expect(title).toHaveText("提拔使用");
  await expect(page.getByTestId("screen-ranking")).toContainText("临河区");
  await page.unroute("**/api/**");
  await expect(page.getByTestId("screen-offline")).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId("screen-ranking")).toContainText("临河区");
});

test("a wrong address says what is wrong", async ({ page }) => {
  await signIn(page, "display");
  for (const [path, text] of [
    ["/screen?interval=3", "刷新间隔应为 5 至 600"],
    ["/screen?region=159999", "159999"],
    ["/screen?region=abc", "地区代码应为 6 位数字"],
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByTestId("screen-bad")).toContainText(text);
  }
});

test("the display account opens only the screen", async ({ page }) => {
  await signIn(page, "display", DEMO_PASSWORD);
  for (const path of ["/", "/promotions", "/admin/users", "/upload", "/regions/150800"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/screen$/);
  }
  for (const path of ["/api/overview", "/api/rankings?metric=promotions", "/api/me", "/api/users"]) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
  expect((await page.request.get("/api/screen")).status()).toBe(200);
  expect((await page.request.get("/api/data-version")).status()).toBe(200);
});

test.describe("in English", () => {
  test.use({ locale: "en-US", viewport: { width: 1920, height: 1080 } });
  test("the screen in English fits the panel", async ({ page, context, baseURL }) => {
    // Signed in first: the sign-in route refuses a cookie-carrying request from no origin.
    await signIn(page, "display");
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://127.0.0.1" }]);
    await page.goto("/screen?region=150800&interval=600", { waitUntil: "load" });
    await expect(page.getByTestId("screen-title")).toHaveText("Promotions");
    await expectFits(page);
  });
});

test("an administrator makes a display account, which opens its home region's screen", async ({ page, baseURL }) => {
  const account = await newUser(baseURL, { prefix: "e2e-wall", role: "display", regionCode: "150800" });
  await signIn(page, account.username, account.password);
  await page.goto("/");
  await expect(page).toHaveURL(/\/screen$/);
  await expect(page.getByTestId("screen")).toContainText("巴彦淖尔市");
  expect((await page.request.get("/api/overview")).status()).toBe(403);
});

test("says so when its session has ended, keeping the last view", async ({ page }) => {
  await openScreen(page, "/screen?region=150800&interval=600");
  await page.context().clearCookies();
  await expect(page.getByTestId("screen-offline")).toHaveText("登录已失效，请重新登录大屏账号", { timeout: 15_000 });
  await expect(page.getByTestId("screen-ranking")).toContainText("临河区");
});
