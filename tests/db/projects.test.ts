import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getProjectStats } from "@/db/queries/project-stats";
import { listProjects, periodDays, RECORDS_PAGE_SIZE } from "@/db/queries/records";
import { rows } from "@/db/queries/sql";
import { type Period, PROJECT_SORT_KEYS, projectListFilters, projectSort } from "@/lib/filters";
import { testDatabase } from "../helpers/db";

/**
 * /projects against the demo data: the list filtered by a period of the day taken, sorted in SQL
 * by a whitelisted column with a stable tie-break, and the funnel by the same periods.
 */
const staff = { role: "viewer" as const, regionCode: "150000", id: "s", username: "staff", name: "s", sessionId: "s" };
const bayannur = { ...staff, regionCode: "150800" };
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const total = async (region: string, period?: Period) =>
  (await listProjects(database.db, staff, { region, period, page: 1 })).total;

describe("project periods", () => {
  it("gives the quarters' first and last days", () => {
    expect(periodDays({ kind: "quarter", year: 2023, quarter: 1 })).toEqual({
      from: "2023-01-01",
      until: "2023-04-01",
    });
    expect(periodDays({ kind: "quarter", year: 2023, quarter: 4 })).toEqual({
      from: "2023-10-01",
      until: "2024-01-01",
    });
    expect(periodDays({ kind: "range", from: 2021, to: 2023 })).toEqual({ from: "2021-01-01", until: "2024-01-01" });
  });

  it("Bayannur 2023 has the source's 104 projects; its quarters and a range add up", async () => {
    expect(await total("150800", { kind: "year", year: 2023 })).toBe(104);
    const quarters = await Promise.all(
      [1, 2, 3, 4].map((quarter) => total("150800", { kind: "quarter", year: 2023, quarter })),
    );
    expect(quarters.reduce((a, b) => a + b, 0)).toBe(104);
    const [y2022, range, all] = await Promise.all([
      total("150800", { kind: "year", year: 2022 }),
      total("150800", { kind: "range", from: 2022, to: 2023 }),
      total("150800"),
    ]);
    expect(range).toBe(y2022 + 104);
    expect(all).toBeGreaterThanOrEqual(range);
  });

  it("the funnel of a range is the sum of its years' funnels", async () => {
    const stats = (period: Period) =>
      getProjectStats(database.db, staff, { region: "150800", period, asOf: "2024-12-31" });
    const [range, a, b] = await Promise.all([
      stats({ kind: "range", from: 2022, to: 2023 }),
      stats({ kind: "year", year: 2022 }),
      stats({ kind: "year", year: 2023 }),
    ]);
    range?.funnel.forEach((step, i) => {
      expect(step.projects, step.stage).toBe((a?.funnel[i].projects ?? 0) + (b?.funnel[i].projects ?? 0));
    });
    const q3 = await stats({ kind: "quarter", year: 2023, quarter: 3 });
    expect(q3?.funnel[0].projects).toBeLessThan(104);
  });
});

describe("project list sorting", () => {
  it("sorts by every whitelisted column in both directions, blanks last, the code breaking ties", async () => {
    const [{ n }] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from projects p join regions r on r.code = p.region_code where r.ancestors @> array['150800']::text[]`,
    );
    expect(n).toBeGreaterThan(RECORDS_PAGE_SIZE);
    for (const sort of PROJECT_SORT_KEYS) {
      for (const dir of ["asc", "desc"] as const) {
        const page1 = await listProjects(database.db, staff, { region: "150800", page: 1, sort, dir });
        const page2 = await listProjects(database.db, staff, { region: "150800", page: 2, sort, dir });
        const list = [...page1.rows, ...page2.rows];
        // Pages never overlap.
        expect(new Set(list.map((r) => r.code)).size, `${sort} ${dir}`).toBe(list.length);
        const key = (r: (typeof list)[number]) => (sort === "region" ? r.regionCode : r[sort]);
        for (let i = 1; i < list.length; i++) {
          const a = key(list[i - 1]);
          const b = key(list[i]);
          if (b === null) continue;
          expect(a, `${sort} ${dir} at ${i}`).not.toBeNull();
          if (a === b) {
            expect(list[i - 1].code < list[i].code, `${sort} tie at ${i}`).toBe(true);
          } else if (sort !== "stage") {
            const ordered = typeof a === "number" ? a < (b as number) : String(a) < String(b);
            // Text compares by the database's collation; only check numbers, dates and codes strictly.
            if (typeof a === "number" || ["takenOn", "code", "region"].includes(sort)) {
              expect(ordered, `${sort} ${dir} at ${i}: ${a} / ${b}`).toBe(dir === "asc");
            }
          }
        }
      }
    }
  });

  it("sorts stages in their order, not alphabetically", async () => {
    const list = await listProjects(database.db, staff, { region: "150800", page: 1, sort: "stage", dir: "desc" });
    expect(list.rows[0].stage).toBe("已投产");
  });

  it("sorts lead cadres by what the viewer sees: hidden names come last and reveal no order", async () => {
    const mine = await listProjects(database.db, bayannur, {
      region: "150000",
      page: 1,
      sort: "leadCadre",
      dir: "asc",
    });
    expect(mine.rows.every((r) => r.regionCode.startsWith("1508") && r.leadCadre !== null)).toBe(true);
    const [{ n }] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from projects p join regions r on r.code = p.region_code where r.ancestors @> array['150800']::text[]`,
    );
    const lastPage = Math.floor(n / RECORDS_PAGE_SIZE) + 1;
    const hidden = await listProjects(database.db, bayannur, {
      region: "150000",
      page: lastPage + 1,
      sort: "leadCadre",
      dir: "asc",
    });
    expect(hidden.rows.length).toBeGreaterThan(0);
    expect(hidden.rows.every((r) => r.namesHidden && r.leadCadre === null)).toBe(true);
    // Among hidden names the order is the code's, whatever the names are.
    const codes = hidden.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
  });

  it("accepts only whitelisted sort keys and directions in the URL; the default is newest first", () => {
    expect(projectListFilters.safeParse({ sort: "lead_cadre; drop table projects" }).success).toBe(false);
    expect(projectListFilters.safeParse({ sort: "name", dir: "up" }).success).toBe(false);
    const parsed = projectListFilters.parse({ sort: "name" });
    expect(projectSort(parsed.sort, parsed.dir)).toEqual({ sort: "name", dir: "asc" });
    expect(projectSort()).toEqual({ sort: "takenOn", dir: "desc" });
    expect(projectListFilters.parse({ year: "2023", quarter: "2", page: "3" })).toMatchObject({
      period: { kind: "quarter", year: 2023, quarter: 2 },
      page: 3,
    });
  });
});
