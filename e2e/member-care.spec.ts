import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { newUser } from "./test-users";

/**
 * /member-care (政治生日) against the production build with the demo data: the source figure (the
 * autonomous region government office's Party committee, 62 members since August 2023, 18 in
 * December), a click on a league opens it, an official lands on their own league, a clerk uploads
 * a month with a row error and then a good one, and a phone shows it without sideways scrolling.
 */
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const searchOf = (page: Page) => new URL(page.url()).searchParams;
const bars = (page: Page, testId: string) => page.getByTestId(testId).locator(".recharts-bar-rectangle");

test("staff: the government office's 62 since August 2023 and 18 in December; a league opens on a click", async ({
  page,
}) => {
  await signIn(page, "staff");
  await page.goto("/member-care?year=2023");
  await expect(heading(page)).toHaveText("内蒙古自治区 · 政治生日 · 2023年");
  await expect(page.getByTestId("care-coverage")).toContainText("%");

  const units = page.getByTestId("panel-care-units");
  await units.getByRole("button", { name: "查看表格" }).click();
  const office = units.getByRole("row").filter({ hasText: "自治区人民政府办公厅机关党委" });
  await expect(office.getByRole("cell")).toHaveText([
    "自治区人民政府办公厅机关党委",
    "5",
    "62",
    "62",
    "100.0%",
    /重温入党誓词/,
  ]);

  const trend = page.getByTestId("panel-care-trend");
  await expect(bars(page, "chart-care-trend").first()).toBeAttached();
  await trend.getByRole("button", { name: "查看表格" }).click();
  await expect(trend.getByRole("row")).toHaveCount(13);

  await page.goto("/member-care?year=2023&quarter=4");
  await units.getByRole("button", { name: "查看表格" }).click();
  await expect(
    units.getByRole("row").filter({ hasText: "自治区人民政府办公厅机关党委" }).getByRole("cell").nth(3),
  ).toHaveText("41");

  await page.goto("/member-care?year=2023");
  const regions = bars(page, "chart-care-regions");
  await expect(regions.first()).toBeAttached();
  // Recharts draws one series after the other: the second bar of the first (members due) is 呼和浩特市's, after 本级.
  await regions.locator("path").nth(1).click();
  await expect.poll(() => searchOf(page).get("region")).toBe("150100");
  await expect(heading(page)).toHaveText("呼和浩特市 · 政治生日 · 2023年");
});

test("an official lands on their league; the English interface speaks English", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.goto("/member-care?year=2023");
  await expect(heading(page)).toHaveText("巴彦淖尔市 · 政治生日 · 2023年");
  await expect(page.getByTestId("chart-care-regions")).toContainText("乌拉特后旗");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  await expect(heading(page)).toContainText("Political birthdays");
  await expect(page.getByTestId("care-coverage")).toContainText("Coverage");
});

test("a clerk uploads a month: a row error first, then the good file lands on the page", async ({ page, baseURL }) => {
  const clerk = await newUser(baseURL, { prefix: "e2e-care-root", role: "clerk", regionCode: "150000" });
  await signIn(page, clerk.username, clerk.password);
  const unit = `自治区测试厅机关党委${Date.now() % 100000}`;
  await page.goto("/upload");
  await page.getByRole("radio", { name: /政治生日/ }).check();
  await expect(page.getByTestId("dataset-columns")).toContainText("月份、党组织、当月政治生日党员数、已过政治生日人数");
  const send = (lines: string[]) =>
    page.getByLabel("选择文件").setInputFiles({
      name: "政治生日.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        ["地区,年度,月份,党组织,当月政治生日党员数,已过政治生日人数,活动形式", ...lines].join("\r\n"),
      ),
    });

  await send([`内蒙古自治区,2019,十三月,${unit},4,4,`, `内蒙古自治区,2019,3,${unit},4,6,`]);
  const report = page.getByTestId("upload-errors");
  await expect(report).toContainText("文件未通过检查，没有写入任何数据");
  const rowOf = (n: number) =>
    report
      .getByTestId("error-table")
      .getByRole("row")
      .filter({ hasText: `第 ${n} 行` });
  await expect(rowOf(2)).toContainText("月份无法识别");
  await expect(rowOf(3)).toContainText("已过政治生日人数");
  await expect(rowOf(3)).toContainText("不能多于“当月政治生日党员数”");

  await send([`内蒙古自治区,2019,3,${unit},4,3,重温入党誓词`]);
  await expect(page.getByTestId("upload-preview")).toContainText("检查通过，尚未写入");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("upload-committed")).toContainText(/已提交：批次 \d+/);

  await page.goto("/member-care?year=2019");
  await expect(page.getByTestId("care-coverage")).toContainText("75.0%");
  const units = page.getByTestId("panel-care-units");
  await units.getByRole("button", { name: "查看表格" }).click();
  await expect(units.getByRole("row").filter({ hasText: unit }).getByRole("cell")).toHaveText([
    unit,
    "1",
    "4",
    "3",
    "75.0%",
    "重温入党誓词",
  ]);
});

test("a phone-sized viewport shows the page without sideways scrolling", async ({ page }) => {
  await signIn(page, "bayannur");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/member-care?year=2023");
  await expect(bars(page, "chart-care-regions").first()).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
