import { describe, expect, it } from "vitest";
import { carriedHref, periodFor } from "@/lib/view";

const from = (query: string) => new URLSearchParams(query);

describe("links that keep the view", () => {
  it("carry the region and period to the pages that can show them", () => {
    expect(carriedHref("/promotions", from("region=150825&year=2023"))).toBe("/promotions?region=150825&year=2023");
    expect(carriedHref("/", from("region=150825&year=2023&quarter=3"))).toBe("/?region=150825&year=2023&quarter=3");
    expect(carriedHref("/projects", from("region=150825&from=2021&to=2023"))).toBe(
      "/projects?region=150825&from=2021&to=2023",
    );
  });

  it("turn a period into the nearest one the target can show", () => {
    expect(carriedHref("/arena", from("region=150825&year=2023&quarter=3"))).toBe("/arena?region=150825&year=2023");
    expect(carriedHref("/indicators", from("region=150825&from=2021&to=2023"))).toBe(
      "/indicators?region=150825&year=2023",
    );
    expect(carriedHref("/outstanding", from("region=150800&year=2024&quarter=4"))).toBe(
      "/outstanding?region=150800&year=2024",
    );
    expect(periodFor({ kind: "quarter", year: 2023, quarter: 2 }, ["year", "quarter"])).toEqual({
      kind: "quarter",
      year: 2023,
      quarter: 2,
    });
  });

  it("leave pages without a view plain, and drop what is not a region or a year", () => {
    expect(carriedHref("/upload", from("region=150825&year=2023"))).toBe("/upload");
    expect(carriedHref("/promotions", from("region=<script>&year=20x3&page=4"))).toBe("/promotions");
    expect(carriedHref("/promotions", from(""))).toBe("/promotions");
  });
});
