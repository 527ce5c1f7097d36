import { describe, expect, it } from "vitest";
import {
  isTotalRow,
  parseChoice,
  parseDate,
  parseDecimal,
  parseInteger,
  parseQuarter,
  parseYear,
  text,
} from "@/lib/cells";
import { DATASETS } from "@/lib/datasets";
import { findHeader } from "@/server/import/headers";

const value = <T>(parsed: { ok: boolean; value?: T; message?: string }) =>
  parsed.ok ? parsed.value : `✗ ${parsed.message}`;

describe("cells as clerks write them", () => {
  it("folds full-width digits and spaces", () => {
    expect(text("\u3000２０２３\u3000")).toBe("2023");
    expect(text(" 乌拉特后旗\u00a0")).toBe("乌拉特后旗");
  });

  it.each([
    ["2023", 2023],
    ["2023年", 2023],
    ["２０２３年度", 2023],
    [2023, 2023],
    ["2023.0", 2023],
    ["23", "✗ yearOutOfRange"],
    ["二〇二三", "✗ badYear"],
    ["2023.5", "✗ badYear"],
  ])("year %s → %s", (cell, expected) => {
    expect(value(parseYear(cell))).toBe(expected);
  });

  it.each([
    ["3", 3],
    [3, 3],
    ["Q3", 3],
    ["q4", 4],
    ["第三季度", 3],
    ["三季度", 3],
    ["第3季度", 3],
    ["一季度", 1],
    ["Q5", "✗ badQuarter"],
    ["第五季度", "✗ badQuarter"],
    ["", "✗ required"],
  ])("quarter %s → %s", (cell, expected) => {
    expect(value(parseQuarter(cell))).toBe(expected);
  });

  it("allows a blank quarter (or 全年) only where a whole year is meant", () => {
    expect(value(parseQuarter("", { allowWholeYear: true }))).toBeNull();
    expect(value(parseQuarter("全年", { allowWholeYear: true }))).toBeNull();
  });

  it.each([
    ["1,400", 1400],
    ["１２", 12],
    [" 7 ", 7],
    ["12.0", 12],
    ["12.5", "✗ notAWholeNumber"],
    ["-1", "✗ outOfRange"],
    ["十二", "✗ notANumber"],
  ])("count %s → %s", (cell, expected) => {
    expect(value(parseInteger(cell))).toBe(expected);
  });

  it.each([
    ["1,400.5", 1400.5],
    ["12%", 12],
    ["１２．５", 12.5],
    [236.5, 236.5],
    ["abc", "✗ notANumber"],
  ])("decimal %s → %s", (cell, expected) => {
    expect(value(parseDecimal(cell))).toBe(expected);
  });

  it.each([
    ["2023-08-15", "2023-08-15"],
    ["2023/8/15", "2023-08-15"],
    ["2023.8.15", "2023-08-15"],
    ["2023年8月15日", "2023-08-15"],
    ["20230815", "2023-08-15"],
    [45153, "2023-08-15"],
    ["45153", "2023-08-15"],
    ["2023-02-30", "✗ badDate"],
    ["15/08/2023", "✗ badDate"],
    ["下个月", "✗ badDate"],
  ])("date %s → %s", (cell, expected) => {
    expect(value(parseDate(cell))).toBe(expected);
  });

  it("reads the contract's choices and common spellings of them", () => {
    const fields = ["乡村振兴", "非一线"] as const;
    expect(value(parseChoice(" 乡村振兴 ", fields))).toBe("乡村振兴");
    expect(value(parseChoice("rural", fields, { rural: "乡村振兴" }))).toBe("乡村振兴");
    expect(parseChoice("乡村", fields)).toMatchObject({
      ok: false,
      message: "notAChoice",
      values: { choices: "乡村振兴、非一线" },
    });
  });

  it("knows a total row", () => {
    expect(isTotalRow(["合计", "", 12])).toBe(true);
    expect(isTotalRow(["总 计", null])).toBe(true);
    expect(isTotalRow(["乌拉特后旗", "合计用"])).toBe(false);
  });
});

describe("finding the header row", () => {
  const spec = DATASETS.promotions;

  it("under a title row, with English or Chinese names and units in brackets", () => {
    const match = findHeader(
      [
        ["2023年提拔使用情况"],
        [],
        ["Region", "YEAR", "季度", "领域（一线/非一线）", "人数（人）", "备注"],
        ["乌拉特后旗"],
      ],
      spec,
    );
    expect(match?.index).toBe(2);
    expect([...(match?.columns.values() ?? [])]).toEqual(["region", "year", "quarter", "field", "count"]);
    expect(match?.ignored).toEqual(["备注"]);
    expect(match?.missing).toEqual([]);
  });

  it("with the league and banner in two columns", () => {
    const match = findHeader([["盟市", "旗县区", "年度", "季度", "领域", "人数"]], spec);
    expect([...(match?.columns.values() ?? [])]).toEqual(["league", "banner", "year", "quarter", "field", "count"]);
    expect(match?.missing).toEqual([]);
  });

  it("names the required columns that are missing", () => {
    const match = findHeader([["地区", "年度", "领域"]], spec);
    expect(match?.missing).toEqual(["季度", "人数"]);
  });
});
