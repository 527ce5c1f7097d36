import { describe, expect, it } from "vitest";
import { referenceRegions } from "@/db/seed/reference";
import { RegionResolver } from "@/server/import/regions";

const resolver = new RegionResolver(
  referenceRegions()
    .filter((r) => r.level !== "township")
    .map((r) => ({
      code: r.code,
      nameZh: r.nameZh,
      level: r.level,
      parentCode: r.parentCode ?? null,
      aliases: r.aliases ?? [],
      ancestors: r.ancestors,
    })),
);
const code = (parsed: ReturnType<RegionResolver["resolve"]>) => (parsed.ok ? parsed.value.code : parsed);

describe("regions as clerks write them", () => {
  it.each([
    ["150825", "150825"],
    ["乌拉特后旗", "150825"],
    ["乌后旗", "150825"],
    ["察右前旗", "150926"],
    ["察哈尔右翼前旗", "150926"],
    ["巴彦淖尔", "150800"],
    ["巴彦淖尔市", "150800"],
    ["　巴彦淖尔市　", "150800"],
    ["锡林郭勒", "152500"],
    ["巴彦淖尔市乌拉特后旗", "150825"],
    ["内蒙古自治区", "150000"],
  ])("%s → %s", (cell, expected) => {
    expect(code(resolver.resolve(cell))).toBe(expected);
  });

  it("in two columns, league and banner; a blank banner is the league itself", () => {
    expect(code(resolver.resolvePair("巴彦淖尔市", "临河区"))).toBe("150802");
    expect(code(resolver.resolvePair("巴彦淖尔", ""))).toBe("150800");
  });

  it("names the right league for a banner under the wrong one", () => {
    expect(resolver.resolvePair("巴彦淖尔市", "杭锦旗")).toEqual({
      ok: false,
      message: "wrongLeague",
      values: { banner: "杭锦旗", league: "巴彦淖尔市", parent: "鄂尔多斯市" },
    });
    expect(resolver.resolve("巴彦淖尔市杭锦旗")).toMatchObject({ ok: false, message: "wrongLeague" });
  });

  it("suggests the closest names for one that matches nothing", () => {
    expect(resolver.resolve("巴彦卓尔市")).toMatchObject({
      ok: false,
      message: "unknownRegionSuggest",
      values: { suggestions: expect.stringContaining("巴彦淖尔市") },
    });
    expect(resolver.resolve("乌拉特后")).toMatchObject({ ok: true });
    expect(resolver.resolve("159999")).toMatchObject({ ok: false, message: "unknownRegionCode" });
    expect(resolver.resolve("火星")).toMatchObject({ ok: false, message: "unknownRegion" });
  });
});
