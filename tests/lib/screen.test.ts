import { describe, expect, it } from "vitest";
import { PAGE_METRICS } from "@/lib/api/rankings";
import { retryDelay, SCREEN_INTERVAL, screenParams, screenSlides, slideAt } from "@/lib/api/screen";

describe("the screen's address", () => {
  it("takes a region and an interval, both optional", () => {
    expect(screenParams.parse({})).toEqual({});
    expect(screenParams.parse({ region: "150800", interval: "30" })).toEqual({ region: "150800", interval: 30 });
  });

  it("refuses intervals outside 5–600 seconds, fractions and words, and malformed regions", () => {
    for (const interval of ["4", "601", "0", "-5", "2.5", "abc", "1e309"]) {
      const parsed = screenParams.safeParse({ interval });
      expect(parsed.success, interval).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("invalid.interval");
    }
    expect(screenParams.safeParse({ interval: String(SCREEN_INTERVAL.min) }).success).toBe(true);
    expect(screenParams.safeParse({ interval: String(SCREEN_INTERVAL.max) }).success).toBe(true);
    expect(screenParams.safeParse({ region: "15080x" }).error?.issues[0].message).toBe("invalid.region");
  });
});

describe("the rotation", () => {
  it("moves on every interval and starts again after the last slide", () => {
    expect(slideAt(0, 20, 10)).toBe(0);
    expect(slideAt(19_999, 20, 10)).toBe(0);
    expect(slideAt(20_000, 20, 10)).toBe(1);
    expect(slideAt(199_999, 20, 10)).toBe(9);
    expect(slideAt(200_000, 20, 10)).toBe(0);
    expect(slideAt(-5, 20, 10)).toBe(0);
    expect(slideAt(50_000, 20, 0)).toBe(0);
  });

  it("goes through every ranked dataset but the overview, each once", () => {
    expect([...screenSlides].sort()).toEqual(
      Object.keys(PAGE_METRICS)
        .filter((k) => k !== "overview")
        .sort(),
    );
  });
});

describe("retrying a lost connection", () => {
  it("waits longer after each failure, never more than a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
