import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getPlaces } from "@/db/queries/places";
import { rows } from "@/db/queries/sql";
import type { PlaceList } from "@/lib/api/places";
import { arenaLevels, organisationTypes } from "@/lib/contract";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";

/**
 * Below the banner against the demo: a banner's townships (and a township's villages) with their arena
 * entries and Party organisations add up, with the 未注明 line, to the banner's (township's) own records,
 * counted afresh here; the figures are the same for every signed-in caller, wherever their home region.
 */
const staff = person("staff", "viewer", "150000");
const otherLeague = person("hohhot-clerk", "clerk", "150100");
const linhe = "150802";
const shuanghe = "150802104";
const year2023 = { kind: "year", year: 2023 } as const;

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 180_000);

afterAll(async () => {
  await database?.close();
});

const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(db(), query))[0].n;

function expectLinesAddUp(list: PlaceList) {
  const sum = (f: (r: PlaceList["rows"][number]) => number) => list.rows.reduce((n, r) => n + f(r), 0);
  expect(sum((r) => r.arena.entries)).toBe(list.total.arena.entries);
  expect(sum((r) => r.organisations.count)).toBe(list.total.organisations.count);
  expect(sum((r) => r.organisations.members)).toBe(list.total.organisations.members);
  for (const l of arenaLevels)
    expect(
      sum((r) => r.arena.byLevel[l]),
      l,
    ).toBe(list.total.arena.byLevel[l]);
  for (const k of organisationTypes)
    expect(
      sum((r) => r.organisations.byType[k]),
      k,
    ).toBe(list.total.organisations.byType[k]);
  for (const r of list.rows) {
    expect(
      arenaLevels.reduce((n, l) => n + r.arena.byLevel[l], 0),
      r.nameZh,
    ).toBe(r.arena.entries);
    expect(
      organisationTypes.reduce((n, k) => n + r.organisations.byType[k], 0),
      r.nameZh,
    ).toBe(r.organisations.count);
  }
}

describe("a banner's townships", () => {
  it("lists every township of the reference, and its lines with 未注明乡镇 add up to the banner's own records", async () => {
    const list = await getPlaces(db(), staff, { region: linhe, period: year2023 });
    if (!list) throw new Error("临河区");
    expect(list.kind).toBe("townships");
    const townships = await count(
      sql`select count(*)::int as n from regions where parent_code = ${linhe} and level = 'township'`,
    );
    expect(list.rows.filter((r) => r.code !== null)).toHaveLength(townships);
    expect(list.rows.find((r) => r.code === shuanghe)).toMatchObject({ nameZh: "双河镇", drillable: true });
    expectLinesAddUp(list);
    expect(list.total.arena.entries).toBe(
      await count(sql`select count(*)::int as n from arena_entries where region_code = ${linhe} and year = 2023`),
    );
    expect(list.total.organisations.count).toBe(
      await count(sql`select count(*)::int as n from organisations where region_code = ${linhe}`),
    );
    // The banner's own 旗县区 entry names no township: it is the 未注明 line.
    const unmarked = list.rows.find((r) => r.code === null);
    expect(unmarked?.arena.entries).toBe(
      await count(
        sql`select count(*)::int as n from arena_entries where region_code = ${linhe} and year = 2023 and township_code is null`,
      ),
    );
    expect(unmarked?.arena.byLevel.旗县区).toBe(1);
    expect(list.rows.filter((r) => r.code !== null && r.arena.entries > 0).length).toBeGreaterThan(5);
  });

  it("counts every year without a period, and shows the same counts to a caller of another league", async () => {
    const all = await getPlaces(db(), staff, { region: linhe });
    expect(all?.period).toBeNull();
    expect(all?.total.arena.entries).toBe(
      await count(sql`select count(*)::int as n from arena_entries where region_code = ${linhe}`),
    );
    const other = await getPlaces(db(), otherLeague, { region: linhe, period: year2023 });
    const mine = await getPlaces(db(), staff, { region: linhe, period: year2023 });
    expect(other).toEqual(mine);
  });
});

describe("a township's villages", () => {
  it("adds up to the township's line of its banner", async () => {
    const list = await getPlaces(db(), staff, { region: shuanghe, period: year2023 });
    const banner = await getPlaces(db(), staff, { region: linhe, period: year2023 });
    if (!list || !banner) throw new Error(shuanghe);
    expect(list.kind).toBe("villages");
    expect(list.region.path.map((p) => p.code)).toEqual(["150000", "150800", linhe, shuanghe]);
    expect(list.rows.every((r) => !r.drillable)).toBe(true);
    expectLinesAddUp(list);
    const line = banner.rows.find((r) => r.code === shuanghe);
    expect(list.total.arena).toEqual(line?.arena);
    expect(list.total.organisations).toEqual(line?.organisations);
    expect(list.rows.some((r) => r.code !== null && r.arena.entries + r.organisations.count > 0)).toBe(true);
  });

  it("has nothing below a league, and nothing for an unknown code", async () => {
    expect((await getPlaces(db(), staff, { region: "150800" }))?.kind).toBe("none");
    expect(await getPlaces(db(), staff, { region: "150802999" })).toBeNull();
  });
});
