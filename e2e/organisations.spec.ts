import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * /organisations against the production build with the demo data, judged as of the demo's term day
 * (2026-12-01, db/seed/demo-orgs.ts) so that the counts do not move with the calendar: staff see
 * every league and drill from a count to its list; the Bayannur official sees secretaries' names
 * only inside Bayannur; 乌拉特后旗's clerk records an approved extension (a date more than a year
 * away refused in Chinese); and a phone renders the board without sideways scrolling.
 */
const AS_OF = "2026-12-01";
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const searchOf = (page: Page) => new URL(page.url()).searchParams;
const count = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).locator("p").first().textContent()) ?? "").replace(/\D/g, ""));

test("staff: every league compared; a count opens the list of the organisations it counts", async ({ page }) => {
  await signIn(page, "staff");
  await page.goto(`/organisations?asOf=${AS_OF}`);
  await expect(heading(page)).toHaveText("内蒙古自治区基层党组织");
  const children = page.getByTestId("organisations-children");
  await expect(children.locator("tbody tr")).toHaveCount(12);
  await expect(children).toContainText("巴彦淖尔市");
  const overdue = await count(page, "organisations-card-overdue");
  expect(overdue).toBeGreaterThan(0);

  // Bayannur's overdue count opens its list.
  const row = children.locator("tbody tr").filter({ hasText: "巴彦淖尔市" });
  await row.getByRole("link", { name: /逾期未换届/ }).click();
  await expect.poll(() => searchOf(page).get("measure")).toBe("overdue");
  expect(searchOf(page).get("region")).toBe("150800");
  const list = page.getByTestId("organisations-table");
  await expect(list.locator("tbody tr").first()).toContainText("逾期未换届");
  // The list is of Bayannur, so the board is Bayannur's too, with its banners.
  await expect(heading(page)).toHaveText("巴彦淖尔市基层党组织");
  await expect(page.getByTestId("organisations-children")).toContainText("乌拉特后旗");

  // A banner's board breaks down by township.
  await page.getByTestId("organisations-children").getByRole("link", { name: "乌拉特后旗", exact: true }).click();
  await expect(heading(page)).toHaveText("乌拉特后旗基层党组织");
  await expect(page.getByTestId("organisations-townships")).toContainText("巴音宝力格镇");
});

test("the Bayannur official: their own region's secretaries named, another league's withheld", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.goto(`/organisations?asOf=${AS_OF}`);
  await expect(heading(page)).toHaveText("巴彦淖尔市基层党组织");
  const list = page.getByTestId("organisations-table");
  await expect(list.locator("tbody tr").first()).toBeVisible();
  await expect(list.getByText("本地区以外不显示")).toHaveCount(0);
  await expect(list.getByTestId("adjust-term")).toHaveCount(0);

  await page.goto(`/organisations?region=150100&asOf=${AS_OF}`);
  await expect(heading(page)).toHaveText("呼和浩特市基层党组织");
  const rows = await list.locator("tbody tr").count();
  expect(rows).toBeGreaterThan(0);
  await expect(list.getByText("本地区以外不显示")).toHaveCount(rows);
});

test("乌拉特后旗's clerk records an approved extension; more than a year is refused", async ({ page }) => {
  await signIn(page, "wuhou-clerk");
  await page.goto(`/organisations?asOf=${AS_OF}&measure=due`);
  await expect(heading(page)).toHaveText("乌拉特后旗基层党组织");
  const before = await count(page, "organisations-card-extended");
  const list = page.getByTestId("organisations-table");
  const first = list.getByTestId("organisation-row").first();
  const name = (await first.locator("td").first().textContent()) ?? "";
  await first.getByTestId("adjust-term").click();
  const form = page.getByRole("form", { name: `记录${name}的延期或提前换届` });
  const end = /按期届满日期为 (\d{4}-\d{2}-\d{2})/.exec((await form.textContent()) ?? "")?.[1] ?? "";
  expect(end).not.toBe("");
  const year = Number(end.slice(0, 4));
  await form.getByLabel("调整类型").selectOption("延期换届");
  await form.getByLabel("调整原因").fill("单位机构改革");
  await form.getByLabel("批准机关").fill("中共乌拉特后旗委员会");
  await form.getByLabel("调整后届满日期").fill(`${year + 2}${end.slice(4)}`);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("adjust-error")).toContainText("一般不超过 1 年");

  await form.getByLabel("调整后届满日期").fill(`${year + 1}${end.slice(4)}`);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form).toHaveCount(0);
  await expect.poll(() => count(page, "organisations-card-extended")).toBe(before + 1);
  await page.getByRole("link", { name: "已延期", exact: true }).click();
  await expect(list.getByRole("row").filter({ hasText: name })).toContainText("已延期");
});

test("a phone-sized viewport renders the board and the list without sideways scrolling", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/organisations?asOf=${AS_OF}`);
  await expect(page.getByTestId("organisations-card-all")).toBeVisible();
  await expect(page.getByTestId("organisations-table")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
