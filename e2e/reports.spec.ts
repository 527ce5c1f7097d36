import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signIn } from "./fixtures";

/**
 * The 情况通报 as staff make it: choose the region, period and sections, read it, take it away as
 * Word and as PDF (the print layout), and find the figures in both files.
 */

test.beforeEach(async ({ page }) => {
  await signIn(page, "staff");
});

/** The text of every page of a PDF, as pdf.js reads it (NFKC: the CJK fonts map some characters to radicals). */
async function pdfPages(data: Buffer): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(data) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join("")
        .normalize("NFKC"),
    );
  }
  return pages;
}

test("staff build the Bayannur 2023 report and take it away as Word and PDF", async ({ page }) => {
  await page.goto("/reports");
  // The charts draw once the page is interactive: then the pickers answer.
  await page.locator("[data-report-chart] .recharts-surface").first().waitFor();
  await page.getByLabel("盟市").selectOption("150800");
  await expect(page).toHaveURL(/region=150800/);
  await page.getByRole("combobox", { name: "年度" }).selectOption("2023");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("巴彦淖尔市 · 情况通报 · 2023年");

  const report = page.getByTestId("report");
  await expect(report.getByTestId("report-title")).toHaveText("巴彦淖尔市2023年干部担当作为工作情况通报");
  await expect(report).toContainText("2023年，巴彦淖尔市一线领域提拔使用干部90名，占提拔使用总数的78.3%");
  await expect(report).toContainText("全市各级党组织书记擂台比武参赛单位969个，其中嘎查村652个");
  await expect(report).toContainText("数据截至");
  await expect(report).toContainText("演示数据");

  // Leaving a section out takes it out of the report and keeps the choice in the URL.
  await page.getByRole("checkbox", { name: "能上能下" }).uncheck();
  await expect(page).toHaveURL(/sections=/);
  await expect(report.locator("[data-report-section=adjustments]")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "能上能下" }).check();
  await expect(report.locator("[data-report-section=adjustments]")).toHaveCount(1);

  // The map of the league's banners, coloured by frontline promotions, marked as a schematic.
  const map = report.getByTestId("report-map");
  await expect(map.locator("path[data-code]")).toHaveCount(7);
  await expect(map).toContainText("示意图");

  // Word: the text, the tables as Word tables, the charts and the map as pictures, the header and page numbers.
  await report.locator("[data-report-chart] .recharts-surface").first().waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-word").click()]);
  expect(download.suggestedFilename()).toMatch(/^巴彦淖尔市-2023年-报告\.docx$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const xml = strFromU8(files["word/document.xml"]);
  const plain = xml.replace(/<[^>]+>/g, "");
  expect(plain).toContain("巴彦淖尔市2023年干部担当作为工作情况通报");
  expect(plain).toContain("一线领域提拔使用干部90名，占提拔使用总数的78.3%");
  expect(plain).toContain("其中嘎查村652个");
  expect(xml).toContain("<w:tbl>");
  expect(xml).toContain("一线提拔人数分布示意图");
  const pictures = Object.keys(files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png"));
  expect(pictures.length).toBe(await report.locator("[data-report-chart]").count());
  expect(pictures.length).toBeGreaterThanOrEqual(5);
  for (const picture of pictures) expect(files[picture].length).toBeGreaterThan(5000);
  const header = Object.keys(files).find((f) => /^word\/header\d*\.xml$/.test(f)) ?? "";
  expect(strFromU8(files[header]).replace(/<[^>]+>/g, "")).toContain("巴彦淖尔市 · 2023年");

  // PDF through the print layout: A4 pages with the running header, the print date and page numbers.
  await page.emulateMedia({ media: "print" });
  const pages = await pdfPages(await page.pdf({ format: "A4", printBackground: true }));
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]).toContain("巴彦淖尔市2023年干部担当作为工作情况通报");
  expect(pages.join("")).toContain("占提拔使用总数的78.3%");
  for (const [i, text] of pages.entries()) {
    expect(text).toContain("巴彦淖尔市 · 2023年 · 演示数据");
    expect(text).toContain("打印于");
    // 页 comes out of pdf.js as a radical that NFKC leaves alone: any one character stands for it.
    expect(text).toMatch(new RegExp(`第 ${i + 1} . / 共 ${pages.length} .`));
  }
  // The page's controls are not part of the document.
  expect(pages[0]).not.toContain("下载 Word");
});

test("the report reads in English in the English UI", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "" }]);
  await page.goto("/reports?region=150800&year=2023");
  const report = page.getByTestId("report");
  await expect(report).toContainText(
    "In 2023, Bayannur promoted 90 cadres in frontline fields, 78.3% of all promotions",
  );
  await expect(report).not.toContainText("一线领域");
});
