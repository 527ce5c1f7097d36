import { describe, expect, it } from "vitest";
import {
  addMonths,
  adjustmentProblem,
  effectiveEnd,
  mayFormCommittee,
  parseJointUnits,
  reminderOn,
  shouldSplit,
  termEnd,
  termOf,
  termYears,
  unitsNeedingOwn,
} from "@/lib/terms";

describe("term years (中办《关于党的基层组织任期的意见》)", () => {
  it("a 基层委员会 serves five years, a 总支 or 支部 three", () => {
    expect(termYears("党委", "机关")).toBe(5);
    expect(termYears("党总支", "企业")).toBe(3);
    expect(termYears("党支部", "学校")).toBe(3);
  });
  it("villages and communities serve five years whatever the type", () => {
    expect(termYears("党支部", "农村/嘎查村")).toBe(5);
    expect(termYears("党总支", "社区")).toBe(5);
    expect(termYears("党委", "社区")).toBe(5);
  });
});

describe("dates", () => {
  it("adds calendar months, the missing day becoming the month's last", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2023-08-31", -6)).toBe("2023-02-28");
    expect(addMonths("2023-01-15", -13)).toBe("2021-12-15");
    expect(termEnd("2021-03-01", 3)).toBe("2024-03-01");
  });
});

describe("approved adjustments: at most one year", () => {
  const end = "2026-06-30";
  it("takes an extension up to one year later, and no further", () => {
    expect(adjustmentProblem(end, { type: "延期换届", endsOn: "2027-06-30" })).toBeNull();
    expect(adjustmentProblem(end, { type: "延期换届", endsOn: "2027-07-01" })).toBe("overOneYear");
    expect(adjustmentProblem(end, { type: "延期换届", endsOn: "2026-06-30" })).toBe("notLater");
  });
  it("takes an early election up to one year earlier", () => {
    expect(adjustmentProblem(end, { type: "提前换届", endsOn: "2025-06-30" })).toBeNull();
    expect(adjustmentProblem(end, { type: "提前换届", endsOn: "2025-06-29" })).toBe("overOneYear");
    expect(adjustmentProblem(end, { type: "提前换届", endsOn: "2026-07-01" })).toBe("notEarlier");
  });
  it("caps a stored date beyond a year at one year", () => {
    expect(effectiveEnd(end, { type: "延期换届", endsOn: "2029-01-01" })).toBe("2027-06-30");
    expect(effectiveEnd(end, { type: "提前换届", endsOn: "2020-01-01" })).toBe("2025-06-30");
    expect(effectiveEnd(end, null)).toBe(end);
  });
});

describe("status as of a day", () => {
  const branch = { type: "党支部" as const, unitType: "机关" as const, electedOn: "2024-03-01", adjustment: null };
  it("is due from six months before the end, the end day included", () => {
    expect(reminderOn("2027-03-01")).toBe("2026-09-01");
    expect(termOf(branch, "2026-08-31").status).toBe("正常");
    expect(termOf(branch, "2026-09-01").status).toBe("即将届满");
    expect(termOf(branch, "2027-03-01").status).toBe("即将届满");
    expect(termOf(branch, "2027-03-02").status).toBe("逾期未换届");
  });
  it("a village branch is due five years on", () => {
    const village = { ...branch, unitType: "农村/嘎查村" as const };
    expect(termOf(village, "2027-03-02")).toMatchObject({ years: 5, endsOn: "2029-03-01", status: "正常" });
  });
  it("an extension is 已延期 until its own date passes, then overdue", () => {
    const extended = { ...branch, adjustment: { type: "延期换届" as const, endsOn: "2027-12-31" } };
    expect(termOf(extended, "2027-06-01")).toMatchObject({ status: "已延期", extended: true, endsOn: "2027-12-31" });
    expect(termOf(extended, "2028-01-01")).toMatchObject({ status: "逾期未换届", extended: true });
  });
  it("an early election moves the reminder earlier", () => {
    const early = { ...branch, adjustment: { type: "提前换届" as const, endsOn: "2026-09-01" } };
    expect(termOf(early, "2026-03-01").status).toBe("即将届满");
  });
});

describe("organisation rules", () => {
  it("reads joint units and finds those with three or more full members", () => {
    const units = parseJointUnits("单位A:2、单位B：4人；单位C: 3");
    expect(units).toEqual([
      { unit: "单位A", members: 2 },
      { unit: "单位B", members: 4 },
      { unit: "单位C", members: 3 },
    ]);
    expect(unitsNeedingOwn(units ?? []).map((u) => u.unit)).toEqual(["单位B", "单位C"]);
    expect(parseJointUnits("单位A、单位B:2")).toBeNull();
  });
  it("a branch of more than 50 should become a 总支; 100 may form a committee", () => {
    expect(shouldSplit("党支部", 50)).toBe(false);
    expect(shouldSplit("党支部", 51)).toBe(true);
    expect(shouldSplit("党总支", 80)).toBe(false);
    expect(mayFormCommittee("党总支", 100)).toBe(true);
    expect(mayFormCommittee("党委", 300)).toBe(false);
  });
});
