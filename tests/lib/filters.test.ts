import { describe, expect, it } from "vitest";
import { overviewHref } from "@/app/(dashboard)/(overview)/search-params";
import { adjustmentsHref } from "@/app/(dashboard)/adjustments/search-params";
import { arenaSearch } from "@/app/(dashboard)/arena/search-params";
import { indicatorSearch } from "@/app/(dashboard)/indicators/search-params";
import { projectsHref } from "@/app/(dashboard)/projects/search-params";
import { promotionsHref } from "@/app/(dashboard)/promotions/search-params";
import {
  adjustmentFilters,
  arenaFilters,
  arenaPageFilters,
  atHome,
  indicatorPageFilters,
  overviewFilters,
  parseFilters,
  parseLeniently,
  projectListFilters,
  projectPageFilters,
  promotionFilters,
  reportPageFilters,
} from "@/lib/filters";
import { projectSearch } from "@/lib/view";

const paramsOf = (href: string) => new URLSearchParams(href.slice(href.indexOf("?") + 1));

/*
 * Each page's URL is written by its client (search-params.ts, lib/view.ts) and read by its page
 * and route handler (lib/filters.ts). A view's link must read back as the same view.
 */
describe("dashboard filters", () => {
  const range = { kind: "range", from: 2021, to: 2023 } as const;
  const quarter = { kind: "quarter", year: 2023, quarter: 3 } as const;

  it("reads back every page's link as the view it was made from", () => {
    const cases = [
      [overviewFilters, overviewHref({ region: "150800", period: quarter }), { region: "150800", period: quarter }],
      [promotionFilters, promotionsHref({ region: "150825", period: range }), { region: "150825", period: range }],
      [adjustmentFilters, adjustmentsHref({ region: "150000" }), { region: "150000" }],
      [
        arenaPageFilters,
        `/arena${arenaSearch({ region: "150800", period: range, level: "苏木乡镇" })}`,
        { region: "150800", period: range, level: "苏木乡镇" },
      ],
      [
        indicatorPageFilters,
        `/indicators${indicatorSearch({ region: "150800", period: quarter, indicator: "地区生产总值增速" })}`,
        { region: "150800", period: quarter, indicator: "地区生产总值增速" },
      ],
    ] as const;
    for (const [schema, href, view] of cases) {
      const parsed = parseFilters(schema, paramsOf(href));
      expect(parsed.success, href).toBe(true);
      expect(parsed.data, href).toEqual(view);
    }
    const list = { region: "150800", period: range, page: 3, sort: "name", dir: "desc" } as const;
    const href = `/projects${projectSearch({ ...list, asOf: "2023-06-30" })}`;
    expect(parseFilters(projectPageFilters, paramsOf(href)).data).toEqual({ ...list, asOf: "2023-06-30" });
    expect(parseFilters(projectListFilters, paramsOf(projectSearch(list))).data).toEqual(list);
  });

  it("leaves the defaults out of a link and fills them in on reading", () => {
    expect(overviewHref({})).toBe("/");
    const defaults = { region: undefined, page: 1, sort: "takenOn", dir: "desc" };
    expect(projectSearch({ region: "150800", page: 1, sort: "takenOn", dir: "desc" })).toBe("?region=150800");
    expect(parseFilters(projectListFilters, new URLSearchParams()).data).toEqual(defaults);
    // A column without a direction sorts ascending.
    expect(parseFilters(projectListFilters, new URLSearchParams("sort=name")).data).toMatchObject({ dir: "asc" });
  });

  it("reads a URL the same way on the page and in the route: first value, blanks absent", () => {
    const url = new URLSearchParams("region=150800&region=150200&year=&from=2021&to=2022");
    const record = { region: ["150800", "150200"], year: "", from: "2021", to: "2022" };
    const fromUrl = parseFilters(promotionFilters, url);
    expect(fromUrl.data).toEqual({ region: "150800", period: { kind: "range", from: 2021, to: 2022 } });
    expect(parseFilters(promotionFilters, record).data).toEqual(fromUrl.data);
  });

  it("refuses what the page's dataset cannot answer, and a stale level or blank indicator falls back", () => {
    expect(parseFilters(arenaFilters, new URLSearchParams("year=2023&quarter=2")).success).toBe(false);
    expect(parseFilters(indicatorPageFilters, new URLSearchParams("from=2021&to=2022")).success).toBe(false);
    expect(parseFilters(arenaPageFilters, new URLSearchParams("level=nonsense")).data).toEqual({ level: undefined });
    expect(parseFilters(indicatorPageFilters, new URLSearchParams("indicator=%20%20")).data).toEqual({
      indicator: undefined,
    });
  });

  it("defaults the region to the viewer's home region, and only when none is asked for", () => {
    const clerk = { regionCode: "150825" };
    expect(atHome({ region: undefined, period: range }, clerk)).toEqual({ region: "150825", period: range });
    expect(atHome({ region: "150800" }, clerk)).toEqual({ region: "150800" });
  });

  it("reads a page's URL leniently: a bad part is dropped and named, the rest of the view kept", () => {
    const bad = parseLeniently(arenaPageFilters, new URLSearchParams("region=150800&year=20x3&level=嘎查村"));
    expect(bad.data).toEqual({ region: "150800", level: "嘎查村" });
    expect(bad.dropped).toEqual(["year=20x3"]);
    // The period is one thing: a quarter the dataset cannot answer drops the year with it.
    const quarterOfArena = parseLeniently(arenaPageFilters, new URLSearchParams("region=150800&year=2023&quarter=2"));
    expect(quarterOfArena.data).toEqual({ region: "150800", level: undefined });
    expect(quarterOfArena.dropped.sort()).toEqual(["quarter=2", "year=2023"]);
    const region = parseLeniently(promotionFilters, new URLSearchParams("region=15&year=2023"));
    expect(region.data).toEqual({ period: { kind: "year", year: 2023 } });
    expect(region.dropped).toEqual(["region=15"]);
    expect(parseLeniently(promotionFilters, new URLSearchParams("year=2023")).dropped).toEqual([]);
  });

  it("writes /projects' all years as years=all, which a chosen period replaces", () => {
    const filters = { region: "150800", page: 2, sort: "takenOn", dir: "desc" } as const;
    const all = projectsHref({ ...filters, period: { kind: "year", year: 2023 } }, { period: undefined });
    expect(all).toBe("/projects?region=150800&years=all");
    expect(parseFilters(projectPageFilters, paramsOf(all)).data).toMatchObject({ years: "all", page: 1 });
    expect(parseFilters(projectPageFilters, paramsOf(all)).data?.period).toBeUndefined();
    const year = projectsHref({ ...filters, years: "all" }, { period: { kind: "year", year: 2022 } });
    expect(year).toBe("/projects?region=150800&year=2022");
    expect(parseFilters(projectPageFilters, new URLSearchParams("years=some")).success).toBe(false);
  });

  it("keeps a report's known sections in their order and reads none as every section", () => {
    const read = (q: string) => parseFilters(reportPageFilters, new URLSearchParams(q)).data?.sections;
    expect(read("sections=arena,nonsense,overview")).toEqual(["overview", "arena"]);
    expect(read("sections=nonsense")).toBeUndefined();
    expect(read("")).toBeUndefined();
  });
});
