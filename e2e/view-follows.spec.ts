import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * The view follows the user: an official who chose a banner and a year keeps them on every page
 * the navigation leads to, each page says in its title what it shows, and a phone shows the
 * first figure before the choices, with nothing cut off.
 */

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const searchOf = (page: Page) => new URL(page.url()).searchParams;
const nav = (page: Page) => page.getByRole("navigation", { name: "主导航" });

test("the Bayannur official chooses 乌拉特后旗 2023 and keeps it on every page", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.goto("/");
  await expect(heading(page)).toContainText("巴彦淖尔市");
  await page.locator("[data-chart-panel] .recharts-surface").first().waitFor();
  await page.getByRole("combobox", { name: "旗县区" }).selectOption({ label: "乌拉特后旗" });
  await expect.poll(() => searchOf(page).get("region")).toBe("150825");
  await page.getByRole("combobox", { name: "年度" }).selectOption("2023");
  await expect.poll(() => searchOf(page).get("year")).toBe("2023");
  await expect(heading(page)).toHaveText("乌拉特后旗 · 2023年度实绩概览");
  await expect(page).toHaveTitle("乌拉特后旗 · 实绩概览 · 2023年 — 干部担当作为实绩看板");

  const pages: [string, string, string][] = [
    ["提拔使用", "/promotions", "提拔使用"],
    ["能上能下", "/adjustments", "能上能下"],
    ["擂台比武", "/arena", "擂台比武"],
    ["成绩单", "/indicators", "成绩单"],
    ["项目名单", "/projects", "揭榜挂帅"],
    ["报告", "/reports", "情况通报"],
    ["未报清单", "/outstanding", "未报清单"],
    ["概览", "/", "实绩概览"],
  ];
  for (const [link, path, title] of pages) {
    await nav(page).getByRole("link", { name: link, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname, link).toBe(path);
    expect(searchOf(page).get("region"), link).toBe("150825");
    expect(searchOf(page).get("year"), link).toBe("2023");
    await expect(heading(page), link).toContainText("乌拉特后旗");
    await expect(heading(page), link).toContainText("2023年");
    await expect(page, link).toHaveTitle(`乌拉特后旗 · ${title} · 2023年 — 干部担当作为实绩看板`);
  }
});

test("a quarter chosen on the overview becomes its year on the arena page", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.goto("/?region=150825&year=2023&quarter=3");
  await nav(page).getByRole("link", { name: "擂台比武", exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/arena");
  expect(searchOf(page).toString()).toBe("region=150825&year=2023");
  await expect(heading(page)).toContainText("乌拉特后旗");
});

test("the scorecard opens on the latest quarter when the year has no whole-year figures", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.goto("/indicators");
  await expect(heading(page)).toContainText(/第\d季度/);
  await expect(page.getByTestId("scorecard-table")).toBeVisible();
});

test("pages that are not dashboards have titles of their own", async ({ page }) => {
  await signIn(page, "admin");
  for (const [path, title] of [
    ["/upload", "数据上传"],
    ["/uploads", "上传记录"],
    ["/admin/users", "用户管理"],
    ["/admin/audit", "审计日志"],
    ["/account", "账号"],
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(`${title} — 干部担当作为实绩看板`);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of [
    "/?region=150800&year=2023",
    "/promotions?region=150800&year=2023",
    "/adjustments?region=150800&year=2023",
    "/arena?region=150800&year=2023",
    "/projects?region=150800&year=2023",
  ]) {
    test(`${path}: the first figure before the choices, charts inside their cards, buttons big enough`, async ({
      page,
    }) => {
      await signIn(page, "bayannur");
      await page.goto(path);
      await page.locator("[data-chart-panel] .recharts-surface").first().waitFor();
      // The choices fold behind one line; the page's first card is on the first screen.
      await expect(page.getByTestId("filters-toggle")).toBeVisible();
      await expect(page.getByRole("combobox", { name: "盟市" })).toBeHidden();
      const first = await page.locator("main section").first().boundingBox();
      expect(first?.y ?? 9999).toBeLessThan(844);
      await page.getByTestId("filters-toggle").click();
      await expect(page.getByRole("combobox", { name: "盟市" })).toBeVisible();

      // Every legend and axis lies inside its panel, unless the panel says it scrolls.
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("[data-chart-panel]")].flatMap((panel) => {
          const box = panel.getBoundingClientRect();
          return [
            ...panel.querySelectorAll<HTMLElement>(".recharts-legend-wrapper, [data-chart-legend], .recharts-yAxis"),
          ]
            .filter((part) => !part.closest(".overflow-x-auto"))
            .map((part) => part.getBoundingClientRect())
            .filter((r) => r.left < box.left - 1 || r.right > box.right + 1)
            .map((r) => `${panel.querySelector("h3")?.textContent}: ${Math.round(r.left)}–${Math.round(r.right)}`);
        }),
      );
      expect(cut).toEqual([]);
      // Tap targets of the toolbars at least 24 px.
      const small = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>("[data-chart-panel] button")]
            .filter((b) => b.offsetParent !== null)
            .map((b) => b.getBoundingClientRect())
            .filter((r) => r.height < 24 || r.width < 24).length,
      );
      expect(small).toBe(0);
    });
  }
});

test("the English UI names industry chains and indicators in English", async ({ page, context, baseURL }) => {
  // Signed in first: the sign-in refuses a request that carries cookies but no origin.
  await signIn(page, "staff");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "" }]);
  await page.goto("/projects?region=150800&year=2023");
  await expect(page.getByTestId("projects-table")).toContainText(
    /New energy|Agricultural and livestock processing|Chemical new materials|Trade and logistics/,
  );
  await page.goto("/indicators?region=150800&year=2023&quarter=3");
  await expect(page.getByTestId("scorecard-table")).toContainText("Industrial value-added growth");
});
