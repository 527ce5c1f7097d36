import fs from "node:fs";
import path from "node:path";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { overviewTotal as overviewTotalOf, signIn } from "./fixtures";
import { approveSubmission, reviewerFor } from "./test-data";
import { type NewUser, newUser } from "./test-users";

/**
 * Figures uploaded through the page /upload: template, check (dry run), preview, commit, the
 * overview changing, the batch page and undo; refused files with their row errors. A clerk of
 * 乌拉特后旗 checks files and sends them for review (the reporting cycle runs on the demo: its
 * reports publish once 巴彦淖尔市 approves them); the commit and undo of a batch are a clerk's of
 * the autonomous region (150000), whose uploads publish at once. Tests share one database during
 * a run, so each one writes values of its own (derived from the clock) and puts back what it
 * changed; every test has a fresh browser context and accounts of its own.
 */

const WUHOU = "150825";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A clerk of 乌拉特后旗 (the tests that need another user sign that one in instead). */
let clerk: NewUser;
test.beforeEach(async ({ page, baseURL }) => {
  clerk = await newUser(baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: WUHOU });
  await signIn(page, clerk.username, clerk.password);
});

/** Signs the page in as a fresh clerk of the autonomous region, who publishes without review. */
async function signInAsRootClerk(page: Page, context: BrowserContext, baseURL: string | undefined) {
  const operator = await newUser(baseURL, { prefix: "e2e-root", role: "clerk", regionCode: "150000" });
  await context.clearCookies();
  await signIn(page, operator.username, operator.password);
  return operator;
}

const main = (page: Page) => page.getByRole("main");
const fileInput = (page: Page) => page.getByLabel("选择文件");
const preview = (page: Page) => page.getByTestId("upload-preview");
const errorReport = (page: Page) => page.getByTestId("upload-errors");
const count = (page: Page, name: string) => page.getByTestId(`count-${name}`);

/** A number as the page shows it (grouping separators removed). */
const numberIn = async (locator: Locator) => Number(((await locator.textContent()) ?? "").replace(/[^\d-]/g, ""));

const overviewTotal = (page: Page) => overviewTotalOf(page, WUHOU);

/**
 * Fills a downloaded XLSX template the way a clerk does in Excel: rows typed onto its data sheet
 * under the header; the instructions sheet stays as it is.
 */
async function fillTemplate(template: Buffer, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(template).buffer);
  for (const row of rows) workbook.worksheets[0].addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("the clerk fills the XLSX template, previews, commits, sees the overview change, and undoes it", async ({
  page,
  context,
  baseURL,
}) => {
  test.slow();
  const operator = await signInAsRootClerk(page, context, baseURL);
  const before = await overviewTotal(page);

  await page.goto("/upload");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("数据上传");
  await expect(main(page)).toContainText("您可以上传内蒙古自治区及下级地区的数据。");
  await page.getByRole("radio", { name: /提拔使用/ }).check();
  await expect(page.getByTestId("dataset-columns")).toHaveText("表头：地区、年度、季度、领域、人数");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Excel 模板" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = fs.readFileSync(await download.path());
  // The template holds the header alone: its examples are on the instructions sheet, never data.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(template).buffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["提拔使用", "填写说明", "下拉选项"]);
  expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, "地区", "年度", "季度", "领域", "人数"]);
  expect(workbook.worksheets[0].actualRowCount).toBe(1);
  // The 地区 drop-down offers the clerk's own region first, then every region below it.
  const regions = (workbook.getWorksheet("下拉选项")?.getColumn(1).values ?? []) as unknown[];
  expect(regions.slice(0, 3)).toEqual([undefined, "地区", "内蒙古自治区"]);
  expect(regions).toContain("巴彦淖尔市");
  expect(regions).toContain("乌拉特后旗");
  expect(workbook.worksheets[0].getCell("A2").dataValidation.formulae).toEqual([
    `'下拉选项'!$A$2:$A$${regions.length - 1}`,
  ]);

  // 2024 Q4 for every field (reported or not in the demo data: new or changed), plus one Q3 row
  // that the demo data always has (changed). Values far above the demo's, different each run.
  const base = 100 + (Date.now() % 500);
  const fields = ["乡村振兴", "招商引资", "基层治理", "防沙治沙", "其他一线", "非一线"];
  const rows: (string | number)[][] = [
    ...fields.map((field, i) => ["乌拉特后旗", 2024, "第四季度", field, base + i]),
    ["乌拉特后旗", "2024年", "Q3", "乡村振兴", base + 10],
  ];
  const file = await fillTemplate(template, rows);

  const checked = page.waitForResponse((r) => r.url().endsWith("/api/uploads") && r.request().method() === "POST");
  await fileInput(page).setInputFiles({ name: `乌拉特后旗-提拔使用-${base}.xlsx`, mimeType: XLSX_TYPE, buffer: file });
  const dryRun = await (await checked).json();
  expect(dryRun.dryRun).toBe(true);

  await expect(preview(page)).toBeVisible();
  await expect(preview(page)).toContainText("检查通过，尚未写入");
  await expect(count(page, "rows")).toHaveText("7");
  const inserted = await numberIn(count(page, "inserted"));
  const updated = await numberIn(count(page, "updated"));
  expect(inserted + updated).toBe(7);
  expect(updated).toBeGreaterThanOrEqual(1);
  await expect(count(page, "unchanged")).toHaveText("0");
  // The changed Q3 row shows its value before → after, under its region's name.
  const q3 = page.getByTestId("preview-table").getByRole("row").filter({ hasText: "第3季度" });
  await expect(q3).toContainText("乌拉特后旗 · 2024 · 第3季度 · 乡村振兴");
  await expect(q3).toContainText(new RegExp(`人数\\s*\\d+ → ${base + 10}`));

  // The overview moves by what the preview says each row changes.
  const delta = (dryRun.preview as { before: { count: number } | null; after: { count: number } }[]).reduce(
    (sum, change) => sum + change.after.count - (change.before?.count ?? 0),
    0,
  );

  // Nothing above the autonomous region reviews it: the clerk publishes it at once.
  await expect(page.getByRole("button", { name: "报送审核" })).toHaveCount(0);
  await page.getByRole("button", { name: "提交" }).click();
  const committed = page.getByTestId("upload-committed");
  await expect(committed).toContainText(/已提交：批次 \d+/);
  const batchId = Number(/批次 (\d+)/.exec((await committed.textContent()) ?? "")?.[1]);
  await expect(committed).toContainText(`新增 ${inserted} 行，修改 ${updated} 行`);
  await expect(committed.getByRole("link", { name: "查看概览" })).toHaveAttribute("href", "/");

  expect(await overviewTotal(page)).toBe(before + delta);

  // The history lists the batch: its file, digest, counts and status.
  await page.goto("/uploads");
  const listed = page.getByTestId(`batch-${batchId}`);
  await expect(listed).toContainText(`乌拉特后旗-提拔使用-${base}.xlsx`);
  await expect(listed).toContainText("提拔使用");
  await expect(listed).toContainText(operator.username);
  await expect(listed).toContainText("网页");
  await expect(listed.getByTestId("batch-counts")).toHaveText(`${inserted} / ${updated} / 0`);
  await expect(listed.getByTestId("batch-status")).toHaveText("已提交");
  const digest = listed.getByTestId("file-hash");
  await expect(digest).toHaveText(dryRun.fileHash.slice(0, 12));
  await expect(digest).toHaveAttribute("title", `SHA-256：${dryRun.fileHash}`);

  // Its page lists the rows it wrote and undoes it after a confirmation.
  await listed.getByRole("link", { name: String(batchId), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`上传批次 ${batchId}`);
  const batchRows = page.getByTestId("batch-rows");
  await expect(batchRows.getByRole("row")).toHaveCount(8);
  await expect(batchRows.getByRole("row").filter({ hasText: "第3季度" })).toContainText(`${base + 10}`);
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await expect(main(page)).toContainText(`确定撤销批次 ${batchId} 吗？`);
  await page.getByRole("button", { name: "确定撤销" }).click();
  await expect(main(page).getByRole("status")).toContainText(`已撤销：删除 ${inserted} 行，恢复 ${updated} 行。`);
  await expect(page.getByRole("heading", { level: 1 }).getByTestId("batch-status")).toHaveText("已撤销");

  expect(await overviewTotal(page)).toBe(before);
  await page.goto("/uploads");
  await expect(page.getByTestId(`batch-${batchId}`).getByTestId("batch-status")).toHaveText("已撤销");
});

test("a bad CSV is refused with its row errors as Excel numbers them, and the 合计 row is skipped", async ({
  page,
}) => {
  const before = await overviewTotal(page);
  const csv = [
    "地区,年度,季度,领域,人数",
    "临河区,2024,4,乡村振兴,3",
    "乌拉特后旗,2024,Q5,乡村振兴,3",
    "乌拉特后旗,2024,3,招商引资,-2",
    "乌拉特后旗,2024,2,<img src=x onerror=alert(1)>,1",
    "合计,,,,5",
  ].join("\r\n");
  await page.goto("/upload");
  await fileInput(page).setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  const report = errorReport(page);
  await expect(report).toContainText("文件未通过检查，没有写入任何数据");
  await expect(report.getByTestId("error-count")).toHaveText("共 4 处问题。");
  const rowOf = (n: number) =>
    report
      .getByTestId("error-table")
      .getByRole("row")
      .filter({ hasText: `第 ${n} 行` });
  await expect(rowOf(2)).toContainText("地区");
  await expect(rowOf(2)).toContainText("临河区");
  await expect(rowOf(2)).toContainText("您只能上传本地区（乌拉特后旗）及下级地区的数据，临河区不在其中。");
  await expect(rowOf(3)).toContainText("季度");
  await expect(rowOf(3)).toContainText("Q5");
  await expect(rowOf(3)).toContainText("季度无法识别");
  await expect(rowOf(4)).toContainText("人数");
  await expect(rowOf(4)).toContainText("-2");
  // A cell's markup is shown as text, never made into an element.
  await expect(rowOf(5)).toContainText("<img src=x onerror=alert(1)>");
  await expect(report.locator("img")).toHaveCount(0);
  await expect(report.getByTestId("warnings")).toContainText("第 6 行：合计/总计行已跳过，不导入。");
  await expect(page.getByRole("button", { name: "报送审核" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);

  expect(await overviewTotal(page)).toBe(before);
});

test("a GBK-encoded CSV (Excel on Chinese Windows) is read correctly", async ({ page }) => {
  await page.goto("/upload");
  await fileInput(page).setInputFiles(path.join(__dirname, "fixtures", "promotions-gbk.csv"));

  await expect(preview(page)).toBeVisible();
  await expect(count(page, "rows")).toHaveText("2");
  const table = page.getByTestId("preview-table");
  await expect(table).toContainText("乌拉特后旗 · 2022 · 第1季度 · 乡村振兴");
  await expect(table).toContainText("乌拉特后旗 · 2022 · 第1季度 · 防沙治沙");
  await expect(table).toContainText("→ 77");
  // The banner's report goes to the league for review, not straight onto the dashboards.
  await expect(page.getByText("报送后由巴彦淖尔市审核，通过后才发布")).toBeVisible();
  await expect(page.getByRole("button", { name: "报送审核" })).toBeVisible();
  await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);
  // Only checked: leaving the page writes nothing.
  await page.getByRole("button", { name: "放弃" }).click();
  await expect(preview(page)).toHaveCount(0);
});

test("a PDF renamed to .csv is refused, saying what it looks like", async ({ page }) => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  await page.goto("/upload");
  await fileInput(page).setInputFiles({ name: "提拔使用.csv", mimeType: "text/csv", buffer: pdf });

  const report = errorReport(page);
  await expect(report).toContainText("看起来是PDF 文档");
  await expect(report.getByTestId("error-table")).toContainText("整个文件");
});

test("a viewer is told uploads are not for them, and the API agrees", async ({ page, context, baseURL }) => {
  const viewer = await newUser(baseURL, { prefix: "e2e-bayannur", regionCode: "150800" });
  await context.clearCookies();
  await signIn(page, viewer.username, viewer.password);
  for (const url of ["/upload", "/uploads"]) {
    await page.goto(url);
    await expect(page.getByTestId("upload-forbidden")).toContainText("无权限");
  }
  const response = await page.request.post("/api/uploads", {
    multipart: {
      dataset: "promotions",
      dryRun: "true",
      file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("地区,年度,季度,领域,人数\r\n") },
    },
  });
  expect(response.status()).toBe(403);
});

/** A promotions CSV sent as the page sends it, in the page's session: the import report. */
async function sendCsv(page: Page, fileName: string, csv: string) {
  const upload = await page.request.post("/api/uploads", {
    headers: { "x-cadre-client": "web" },
    multipart: { dataset: "promotions", file: { name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(upload.status()).toBe(200);
  return upload.json();
}

test("undo is refused with the server's reason when a row was changed after the upload", async ({
  page,
  context,
  baseURL,
}) => {
  await signInAsRootClerk(page, context, baseURL);
  // A batch of its own, committed through the API (the page's request, so as the same clerk).
  const value = 200 + (Date.now() % 500);
  const csv = `地区,年度,季度,领域,人数\r\n乌拉特后旗,2022,2,基层治理,${value}\r\n`;
  const { batchId } = await sendCsv(page, "later-changed.csv", csv);
  // Someone corrects the same figure afterwards.
  const corrected = await page.request.post("/api/figures", {
    data: { dataset: "promotions", region: WUHOU, year: 2022, quarter: 2, key: "基层治理", count: value + 1 },
  });
  expect(corrected.status()).toBe(200);

  await page.goto(`/uploads/${batchId}`);
  await expect(page.getByTestId("batch-rows")).toContainText(`${value + 1}`);
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await page.getByRole("button", { name: "确定撤销" }).click();
  await expect(main(page).getByRole("alert")).toContainText("不能撤销：该批次中有 1 行数据之后又被修改过");
  await expect(page.getByRole("heading", { level: 1 }).getByTestId("batch-status")).toHaveText("已提交");
});

test("a batch the league approved is undone by the league, not by the banner's clerk", async ({ page }) => {
  // The banner's report of a figure of its own, approved by a clerk of 巴彦淖尔市: one batch.
  const value = 200 + (Date.now() % 500);
  const csv = `地区,年度,季度,领域,人数\r\n乌拉特后旗,2022,3,防沙治沙,${value}\r\n`;
  const answer = await sendCsv(page, "reviewed.csv", csv);
  expect(answer.batchId, "nothing published before the review").toBeNull();
  expect(answer.submissions).toEqual([expect.objectContaining({ dataset: "promotions", year: 2022, quarter: 3 })]);
  const league = await reviewerFor("150800");
  const batchId = await approveSubmission(league, answer.submissions[0].id);

  // The banner's clerk sees the batch with its row, but undoing it is the league's to do.
  await page.goto(`/uploads/${batchId}`);
  await expect(page.getByTestId("batch-rows")).toContainText(`${value}`);
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await page.getByRole("button", { name: "确定撤销" }).click();
  await expect(main(page).getByRole("alert")).toContainText("这批数据是审核通过后发布的，只能由审核它的上级地区撤销");
  await expect(page.getByRole("heading", { level: 1 }).getByTestId("batch-status")).toHaveText("已提交");

  const undone = await league.post(`/api/uploads/${batchId}/undo`);
  expect(undone.status(), await undone.text()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 }).getByTestId("batch-status")).toHaveText("已撤销");
});
