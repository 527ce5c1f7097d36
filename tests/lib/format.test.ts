import { describe, expect, it } from "vitest";
import {
  amountValue,
  formatAmount,
  formatAmountNumber,
  formatBeijingMinute,
  formatNumber,
  formatPercent,
  formatWithUnit,
} from "@/lib/format";

describe("locale formatting", () => {
  it("writes counts and shares per language", () => {
    expect(formatNumber("zh-CN", 1428)).toBe("1,428");
    expect(formatNumber("en", 1428.456)).toBe("1,428.46");
    expect(formatPercent("zh-CN", 0.7826)).toBe("78.3%");
    expect(formatPercent("en", 0.5, 0)).toBe("50%");
  });

  it("shows money in 万元 in Chinese and in millions of yuan in English", () => {
    expect(formatAmount("zh-CN", 1428)).toBe("1,428 万元");
    expect(formatAmount("zh-CN", 169331)).toBe("169,331 万元");
    expect(formatAmount("en", 1428)).toBe("CNY 14.28 million");
    expect(formatAmount("en", 169331)).toBe("CNY 1,693.31 million");
    expect(formatAmountNumber("en", 50)).toBe("0.50");
    expect(formatAmountNumber("en", 1830)).toBe("18.30");
    expect(amountValue("en", 1428)).toBe(14.28);
    expect(amountValue("zh-CN", 1428)).toBe(1428);
  });

  it("writes a figure with the unit the data gives", () => {
    expect(formatWithUnit("zh-CN", 873, "万元")).toBe("873 万元");
    expect(formatWithUnit("en", 873, "万元")).toBe("CNY 8.73 million");
    expect(formatWithUnit("zh-CN", 12, "%")).toBe("12%");
    expect(formatWithUnit("zh-CN", 236.5, "公里")).toBe("236.5 公里");
  });

  it("writes moments in Beijing time, year first", () => {
    expect(formatBeijingMinute("2024-03-05T06:07:59Z")).toBe("2024-03-05 14:07");
  });
});
