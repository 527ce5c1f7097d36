import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as overview } from "@/app/api/overview/route";
import { GET as summary } from "@/app/api/summary/route";
import { adoptConnection } from "@/db/client";
import { undoBatch } from "@/db/mutations/uploads";
import { prepareDatabase } from "@/db/prepare";
import { dataVersion } from "@/db/queries/meta";
import { promotions } from "@/db/schema";
import { operator } from "@/lib/auth/operator";
import { cachedAnswers } from "@/server/read-cache";
import { testDatabase } from "../helpers/db";
import { uploadPromotions } from "../helpers/promotions";
import { viewerCookie } from "../helpers/session";

/**
 * The answer cache of the read routes (server/read-cache.ts) never serves an answer older than
 * the last commit: every commit, undo and direct write raises the data version in its own
 * transaction, and the next read after it has the new figures; a write rolled back changes nothing.
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;
const cli = operator();
let cookie = "";

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
  adoptConnection(database);
  cookie = await viewerCookie(db(), "cache-viewer");
}, 120_000);

afterAll(async () => {
  await database?.close();
});

async function read(route: typeof summary, url: string) {
  const response = await route(new Request(new URL(url, "http://localhost:3000"), { headers: { cookie } }));
  expect(response.status).toBe(200);
  return response.json();
}

const bayannurTotal = async () =>
  ((await read(summary, "/api/summary?region=150800&year=2023")) as { promotions: { total: number } }).promotions.total;

async function commit(count: number) {
  const report = await uploadPromotions(db(), cli, [`乌拉特后旗,2023,1,乡村振兴,${count}`]);
  expect(report).toMatchObject({ ok: true, errors: [] });
  return report.batchId as number;
}

describe("the read cache", () => {
  it("answers a repeated read from the cache while nothing changed", async () => {
    const before = cachedAnswers();
    const first = await bayannurTotal();
    expect(cachedAnswers()).toBe(before + 1);
    const version = await dataVersion(db());
    expect(await bayannurTotal()).toBe(first);
    expect(cachedAnswers()).toBe(before + 1);
    expect(await dataVersion(db())).toBe(version);
  });

  it("has a commit, then its undo, in the very next read", async () => {
    const start = await bayannurTotal();
    const batch = await commit(7);
    expect(await bayannurTotal()).toBe(start + 7);
    await undoBatch(db(), cli, batch);
    expect(await bayannurTotal()).toBe(start);
  });

  it("has a figure written straight to a table in the next read, and nothing of a write rolled back", async () => {
    const start = await bayannurTotal();
    const version = await dataVersion(db());
    await db()
      .transaction(async (tx) => {
        await tx
          .insert(promotions)
          .values({ regionCode: "150802", year: 2023, quarter: 2, field: "基层治理", count: 4 });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(await dataVersion(db())).toBe(version);
    expect(await bayannurTotal()).toBe(start);
    await db().insert(promotions).values({ regionCode: "150802", year: 2023, quarter: 2, field: "基层治理", count: 4 });
    expect(await dataVersion(db())).not.toBe(version);
    expect(await bayannurTotal()).toBe(start + 4);
  });

  it("keys answers by their parameters: another region or route is its own answer", async () => {
    const league = (await read(summary, "/api/summary?region=150800&year=2023")) as { region: { code: string } };
    const banner = (await read(summary, "/api/summary?region=150802&year=2023")) as { region: { code: string } };
    expect(league.region.code).toBe("150800");
    expect(banner.region.code).toBe("150802");
    const view = (await read(overview, "/api/overview?region=150800&year=2023")) as { children: unknown[] };
    expect(view.children.length).toBeGreaterThan(0);
  });

  it("raises the version in the writing transaction, visible only once it commits", async () => {
    const version = Number(await dataVersion(db()));
    await db().transaction(async (tx) => {
      await tx.execute(sql`update regions set aliases = aliases where code = '150802'`);
      await tx.execute(sql`update regions set aliases = aliases where code = '150803'`);
    });
    // One raise per statement, both in the one transaction.
    expect(Number(await dataVersion(db()))).toBe(version + 2);
  });
});
