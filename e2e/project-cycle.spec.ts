import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { newUser } from "./test-users";

/**
 * 揭榜挂帅 as a cycle on /projects (设榜 → 揭榜 → 项目 → 跟榜 → 评榜) and one project's whole history,
 * against the production build with the demo data: Bayannur 2023 as the source has it (96 cadres
 * filed applications covering 104 projects), 科驰's history, names only inside the caller's home
 * region, a clerk's challenges file through /upload, and a phone.
 */
const KECHI = "/projects/JB-150825-2023-001";
const cycle = (page: Page) => page.getByTestId("project-cycle");

test("staff sees Bayannur 2023's cycle and 科驰's whole history", async ({ page }) => {
  await signIn(page, "staff");
  await page.goto("/projects?region=150800&year=2023");
  await expect(page.getByTestId("cycle-step-taken")).toContainText("96 名干部");
  await expect(page.getByTestId("cycle-step-taken")).toContainText("形成项目 104 个");
  await expect(page.getByTestId("cycle-step-projects")).toContainText("104 个项目");
  await expect(page.getByTestId("cycle-step-projects")).toContainText(/到位资金 1,4\d\d 万元/);
  await expect(page.getByTestId("cycle-step-issues")).toContainText("解决用时中位数");
  await expect(cycle(page).getByTestId("panel-cycle-chains").locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(cycle(page).getByTestId("panel-cycle-grades").locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.getByTestId("cycle-rollup")).toContainText("乌拉特后旗");

  // The applications list names the applicants: staff's home region holds every league.
  const list = page.getByTestId("cycle-applications");
  await list.locator("summary").click();
  await expect(list).toContainText("共 104 条");
  await expect(list.getByText("本地区以外不显示")).toHaveCount(0);

  await page.goto(KECHI);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("内蒙古科驰生物科技有限公司新型农药中间体项目");
  await expect(page.getByTestId("history-lead")).not.toContainText("本地区以外不显示");
  await expect(page.getByTestId("history-challenge")).toContainText("乌拉特后旗工业和信息化局 于 2023-06-15 发榜");
  await expect(page.getByTestId("history-applications")).toContainText("2023-08-01");
  await expect(page.getByTestId("history-applications")).toContainText("形成本项目");
  await expect(page.getByTestId("history-stages")).toContainText("已签约 2023-08-16");
  await expect(page.getByTestId("history-stages")).toContainText("已投产 2023-12-26");
  await expect(page.getByTestId("history-issues")).toContainText("项目用地审批");
  await expect(page.getByTestId("history-issues")).toContainText("融资担保");
  await expect(page.getByTestId("history-evaluations")).toContainText("2023 年度：优秀，提拔使用");
});

test("an official of another league sees the counts but no names outside home", async ({ page, baseURL }) => {
  const official = await newUser(baseURL, { prefix: "e2e-hohhot", role: "viewer", regionCode: "150100" });
  await signIn(page, official.username, official.password);
  await page.goto("/projects?region=150800&year=2023");
  await expect(page.getByTestId("cycle-step-taken")).toContainText("96 名干部");
  const list = page.getByTestId("cycle-applications");
  await list.locator("summary").click();
  await expect(list).toContainText("干部姓名和单位只在您所在地区及下级地区显示");
  const applicants = list.getByTestId("applicant");
  await expect(applicants.first()).toBeVisible();
  for (const text of await applicants.allTextContents()) expect(text).toBe("本地区以外不显示");

  await page.goto(KECHI);
  await expect(page.getByTestId("history-lead")).toHaveText("本地区以外不显示");
  await expect(page.getByTestId("history-applications")).toContainText("本地区以外不显示");
  await expect(page.getByTestId("history-issues")).toContainText("融资担保");
});

test("a clerk uploads a challenges file through /upload: a row error, then a good file sent for review", async ({
  page,
  baseURL,
}) => {
  const clerk = await newUser(baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
  await signIn(page, clerk.username, clerk.password);
  await page.goto("/upload");
  await page.getByRole("radio", { name: /设榜/ }).check();
  await expect(page.getByTestId("dataset-columns")).toContainText("榜单编号");
  const header = "地区,榜单编号,产业链,榜单名称,发榜部门,发榜日期,目标投资（万元）,目标就业（人）,状态";
  const code = `BD-150825-2024-E${Date.now() % 100000}`;
  const bad = [header, `乌拉特后旗,${code},新能源,招引储能项目,乌拉特后旗能源局,2024-05-06,800,60,进行中`].join("\r\n");
  await page.getByLabel("选择文件").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  const report = page.getByTestId("upload-errors");
  await expect(report).toContainText("文件未通过检查，没有写入任何数据");
  const row = report.getByTestId("error-table").getByRole("row").filter({ hasText: "第 2 行" });
  await expect(row).toContainText("状态");
  await expect(row).toContainText("应为以下之一：待揭榜、已揭榜、已关闭。");

  const good = [header, `乌拉特后旗,${code},新能源,招引储能项目,乌拉特后旗能源局,2024-05-06,800,60,待揭榜`].join(
    "\r\n",
  );
  await page
    .getByLabel("选择文件")
    .setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await expect(page.getByTestId("upload-preview")).toContainText("检查通过，尚未写入");
  await expect(page.getByTestId("count-inserted")).toHaveText("1");
  await page.getByRole("button", { name: "报送审核" }).click();
  await expect(page.getByTestId("upload-submitted")).toContainText("已报送，等待巴彦淖尔市审核");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the cycle's steps stack and the page does not scroll sideways", async ({ page }) => {
    await signIn(page, "bayannur");
    await page.goto("/projects?region=150800&year=2023");
    await expect(page.getByTestId("cycle-step-evaluated")).toBeVisible();
    const [first, second] = await Promise.all([
      page.getByTestId("cycle-step-posted").boundingBox(),
      page.getByTestId("cycle-step-taken").boundingBox(),
    ]);
    expect(second?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(KECHI);
    await expect(page.getByTestId("history-evaluations")).toContainText("优秀");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
