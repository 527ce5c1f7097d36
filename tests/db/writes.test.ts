import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { rows } from "@/db/queries/sql";
import { datasets } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import { testDatabase } from "../helpers/db";

/**
 * Every write of a dataset is driven by the dataset's definition (lib/datasets.ts): the
 * definition's types are the tables'.
 */
type Database = Awaited<ReturnType<typeof testDatabase>>;

describe("without the demo", () => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: false });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("gives every column of a definition the exact type it has in its table", async () => {
    for (const id of datasets) {
      const spec = DATASETS[id];
      const types = await rows<{ name: string; type: string }>(
        db(),
        sql`select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
            where attrelid = ${spec.table}::regclass and attnum > 0 and not attisdropped`,
      );
      const inTable = Object.fromEntries(types.map((t) => [t.name, t.type]));
      const declared = Object.fromEntries(spec.columns.map((c) => [c.db, c.type]));
      expect(declared, id).toEqual(Object.fromEntries(spec.columns.map((c) => [c.db, inTable[c.db]])));
      expect(inTable.region_code, id).toBe("text");
    }
  });
});
