import ExcelJS from "exceljs";
import { type DatasetSpec, REGION_HEADERS, templateColumns, templateHeaders, templateRows } from "@/lib/datasets";
import { toCsv } from "@/lib/spreadsheet";

/**
 * Upload templates. They carry no row that could be committed as data: the data sheet (named
 * after the dataset, the one the reader takes) holds the header alone, and the examples sit on a
 * second sheet, 填写说明, which the reader never reads. Uploaded unchanged, a template is refused
 * as "no data rows".
 */
export const INSTRUCTIONS_SHEET = "填写说明";
/** Rows of the data sheet that get the drop-down lists of enumerated columns. */
const LISTED_ROWS = 5_000;

/** Header only, UTF-8 with BOM (Excel reads Chinese headers right). */
export function templateCsv(spec: DatasetSpec): Uint8Array {
  return toCsv([templateHeaders(spec)]);
}

/**
 * The lists behind the drop-downs, one column each, on a hidden sheet: an inline list is capped at
 * 255 characters by Excel, and the clerk's regions are many.
 */
export const LISTS_SHEET = "下拉选项";

/** `regions`: the names the caller may report for (db/queries/regions.ts writableRegions); none, no list. */
export async function templateXlsx(spec: DatasetSpec, regions: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const headers = templateHeaders(spec);
  const columns = templateColumns(spec).map((c) =>
    c.header === REGION_HEADERS.region.zh && regions.length ? { ...c, choices: regions } : c,
  );

  const data = workbook.addWorksheet(spec.zh, { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = columns.map(({ header }) => ({ header, width: Math.max(12, header.length * 2 + 4) }));
  styleHeader(data.getRow(1));
  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  // The typings lack the worksheet's range form of data validations (one rule for a whole column).
  const validations = (
    data as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations;
  let listed = 0;
  columns.forEach(({ header, choices }, i) => {
    if (!choices) return;
    const list = lists.getColumn(++listed);
    list.values = [header, ...choices];
    const letter = data.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${LISTED_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${list.letter}$2:$${list.letter}$${choices.length + 1}`],
      showErrorMessage: true,
      errorTitle: "请从列表中选择",
      error: choices.length > 12 ? `请从下拉列表中选择${header}。` : `应为以下之一：${choices.join("、")}`,
    });
  });

  help.columns = [{ width: 22 }, { width: 10 }, { width: 70 }];
  help.addRow([`${spec.zh} · 填写说明`]).font = { bold: true, size: 14 };
  help.addRow([`请在“${spec.zh}”工作表中从第 2 行起逐行填写，一行一条；本说明页不会导入。`]);
  help.addRow(["同一文件中每条数据只能出现一次；再次上传同一条即更新，内容不变则不写入。合计/总计行会被跳过。"]);
  help.addRow([
    regions.length
      ? "带下拉箭头的列请从列表中选择；“地区”列的列表是您可以填报的地区。"
      : "带下拉箭头的列请从列表中选择。",
  ]);
  help.addRow([]);
  styleHeader(help.addRow(["列名", "是否必填", "填写要求"]));
  for (const column of columns) help.addRow([column.header, column.required ? "必填" : "可空", column.hint]);
  help.addRow([]);
  help.addRow(["示例（仅供参考，请勿复制到数据表，不会导入）"]).font = { bold: true };
  styleHeader(help.addRow(headers));
  for (const row of templateRows(spec)) help.addRow(row);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
  });
}
