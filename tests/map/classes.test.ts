import { describe, expect, it } from "vitest";
import { classBreaks, colourOf, mapClasses, NO_DATA_COLOUR } from "@/lib/map-classes";

const label = (from: number, to: number) => `${from}–${to}`;

describe("map classes", () => {
  it("splits at the gaps (natural breaks), every value in exactly one class", () => {
    const values = [1, 2, 2, 3, 40, 41, 45, 90, 95, 100, 300, 310];
    const breaks = classBreaks(values, 5);
    expect(breaks).toHaveLength(5);
    expect(breaks).toEqual([
      [1, 3],
      [40, 45],
      [90, 100],
      [300, 300],
      [310, 310],
    ]);
    for (const v of values) expect(breaks.filter(([from, to]) => v >= from && v <= to)).toHaveLength(1);
  });

  it("makes no more classes than there are distinct values, none for no values", () => {
    expect(classBreaks([7, 7, 7], 5)).toEqual([[7, 7]]);
    expect(classBreaks([1, 9], 5)).toEqual([
      [1, 1],
      [9, 9],
    ]);
    expect(classBreaks([], 5)).toEqual([]);
  });

  it("colours more darker, and a rank the other way round", () => {
    const values = [1, 5, 10, 20, 40];
    const byValue = mapClasses(values, "value", label);
    expect(byValue.map((c) => c.colour)).toEqual(["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]);
    const byRank = mapClasses([1, 2, 3, 4, 5], "rank", label);
    expect(colourOf(byRank, 1)).toBe("#08519c");
    expect(colourOf(byRank, 5)).toBe("#eff3ff");
  });

  it("keeps the palette's ends when there are fewer classes than colours", () => {
    const two = mapClasses([3, 30], "value", label);
    expect(two.map((c) => c.colour)).toEqual(["#eff3ff", "#08519c"]);
    expect(mapClasses([4], "value", label).map((c) => c.colour)).toEqual(["#08519c"]);
  });

  it("diverges a change around zero: falls red, no change grey, rises green", () => {
    const classes = mapClasses([-12, -3, 0, 2, 8, 30], "change", label);
    expect(classes.map((c) => c.label)).toEqual(["-12–-12", "-3–-3", "0–0", "2–2", "8–8", "30–30"]);
    expect(colourOf(classes, -12)).toBe("#b2182b");
    expect(colourOf(classes, 0)).toBe("#e5e5e5");
    expect(colourOf(classes, 30)).toBe("#1b7837");
    // No class straddles zero.
    expect(classes.every((c) => c.to < 0 || c.from > 0 || (c.from === 0 && c.to === 0))).toBe(true);
  });

  it("brightens more on the display wall's dark ground", () => {
    const classes = mapClasses([1, 5, 10, 20, 40], "value", label, "dark");
    expect(colourOf(classes, 1)).toBe("#1e3a5f");
    expect(colourOf(classes, 40)).toBe("#a6dcf7");
  });

  it("greys a region without a figure", () => {
    expect(colourOf(mapClasses([1, 2], "value", label), null)).toBe(NO_DATA_COLOUR);
  });
});
