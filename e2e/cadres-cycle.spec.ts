import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./fixtures";
import { newUsers } from "./test-users";

/**
 * A banner's 五看一测 evaluations through the reporting cycle, with a real file: the clerk of
 * 乌拉特后旗 fills the downloaded XLSX template, checks it and reports it; a reviewer of the league
 * without the personnel permission sees the counts and why not the rows; one with it sees whose
 * evaluations they are and approves; the audit log names who looked at whose evaluations.
 */
const WUHOU = "150825";

async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

test("a banner reports named evaluations; only a reviewer with the personnel permission sees whose, and the look is audited", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const cadre = `测评${Date.now() % 100000}`;
  const [clerk, blind, granted] = await newUsers(
    baseURL,
    { prefix: "e2e-eval-wuhou", role: "clerk", regionCode: WUHOU },
    { prefix: "e2e-eval-league", role: "clerk", regionCode: "150800" },
    { prefix: "e2e-eval-leaguep", role: "clerk", regionCode: "150800", personnel: true },
  );
  await signIn(page, clerk.username, clerk.password);
  await visit(page, "/upload");
  await page.getByRole("radio", { name: /五看一测/ }).check();
  await expect(page.getByTestId("dataset-columns")).toContainText("干部姓名、职务、单位、政治表现");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Excel 模板" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    "地区",
    "年度",
    "季度",
    "干部姓名",
    "职务",
    "单位",
    "政治表现",
    "实干实效",
    "作用发挥",
    "一线作为",
    "作风形象",
    "满意度（%）",
    "测评人数",
    "结论",
    "评测类型",
  ]);
  sheet.addRow([
    "乌拉特后旗",
    2024,
    "",
    cadre,
    "副局长",
    "乌拉特后旗商务局",
    92,
    "较好",
    90,
    93,
    "好",
    96.5,
    30,
    "优秀",
    "日常",
  ]);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByLabel("选择文件").setInputFiles({
    name: "五看一测.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await expect(page.getByTestId("upload-preview")).toContainText("检查通过，尚未写入");
  await expect(page.getByTestId("upload-preview")).toContainText(cadre);
  await page.getByRole("button", { name: "报送审核" }).click();
  const submitted = page.getByTestId("upload-submitted");
  await expect(submitted).toContainText("已报送，等待巴彦淖尔市审核");
  const href = (await submitted.getByRole("link", { name: /查看报送：2024年/ }).getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/review\/\d+$/);

  const league = await browser.newContext({ baseURL });
  try {
    const review = await league.newPage();
    await signIn(review, blind.username, blind.password);
    await visit(review, href);
    await expect(review.getByRole("heading", { level: 1 })).toHaveText("乌拉特后旗 · 2024年五看一测");
    await expect(review.getByTestId("personnel-hidden")).toContainText("没有人事评价查看权限");
    await expect(review.getByTestId("review-changes")).not.toContainText(cadre);
    await review.context().clearCookies();

    await signIn(review, granted.username, granted.password);
    await visit(review, href);
    await expect(review.getByTestId("personnel-hidden")).toHaveCount(0);
    await expect(review.getByTestId("review-changes")).toContainText(cadre);
    await review.getByRole("button", { name: "审核通过并发布" }).click();
    await expect(review.getByRole("status")).toContainText(/已审核通过，数据已发布（批次 #\d+）/);
  } finally {
    await league.close();
  }

  // The administrator reads who looked at whose evaluations.
  const admin = await browser.newContext({ baseURL });
  try {
    const audit = await admin.newPage();
    await signIn(audit, "admin");
    await visit(audit, "/admin/audit?action=personnel.view");
    const entry = audit.getByTestId("audit-table").locator("tr", { hasText: granted.username }).first();
    await expect(entry).toContainText("查看人事评价");
    await expect(audit.getByTestId("audit-table")).not.toContainText(blind.username);
  } finally {
    await admin.close();
  }
});
