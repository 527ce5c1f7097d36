import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/db/connect";
import { seedFolder } from "@/db/pglite-template";
import { rows } from "@/db/queries/sql";

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-template-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const cacheDir = path.join(process.cwd(), "node_modules", ".cache", "cadre-pglite");

/** Every file of the cache with its size and modification time, to see that using it changes nothing. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const stat = fs.statSync(file);
      return `${path.relative(dir, file)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

describe("a new embedded database", () => {
  it("starts from the cached empty cluster, a copy of its own, and leaves the cache as it was", async () => {
    await seedFolder(path.join(tmp, "warm-up"));
    const before = snapshot(cacheDir);
    expect(before.some((f) => f.includes("PG_VERSION"))).toBe(true);

    const first = await connect({ pgliteDir: path.join(tmp, "first") });
    await first.migrate();
    await first.db.execute(
      sql`insert into regions (code, name_zh, level, kind_zh, ancestors) values ('150000', '内蒙古自治区', 'autonomous_region', '自治区', '{150000}')`,
    );
    await first.close();

    const second = await connect({ pgliteDir: path.join(tmp, "second") });
    await second.migrate();
    const [{ n }] = await rows<{ n: number }>(second.db, sql`select count(*)::int as n from regions`);
    await second.close();
    expect(n).toBe(0);

    const again = await connect({ pgliteDir: path.join(tmp, "first") });
    const [{ kept }] = await rows<{ kept: number }>(again.db, sql`select count(*)::int as kept from regions`);
    await again.close();
    expect(kept).toBe(1);
    expect(snapshot(cacheDir)).toEqual(before);
  });
});
