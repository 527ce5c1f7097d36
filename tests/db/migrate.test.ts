import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { refusal, testDatabase } from "../helpers/db";

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("migrations on an empty database", () => {
  it("create every table", async () => {
    // `Db` covers both drivers, so execute() is untyped; both drivers answer with `{ rows }`.
    const result = (await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as { rows: { table_name: string }[] };
    const tables = result.rows.map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "regions",
        "promotions",
        "arena_entries",
        "projects",
        "project_stage_events",
        "adjustments",
        "indicators",
        "upload_batches",
        "audit_log",
      ]),
    );
  });

  it("can be applied again without effect", async () => {
    await expect(database.migrate()).resolves.toBeUndefined();
  });
});

describe("audit log", () => {
  it("accepts new rows but refuses UPDATE and DELETE", async () => {
    const [entry] = await database.db
      .insert(auditLog)
      .values({ actor: "system", action: "test.append" })
      .returning({ id: auditLog.id });
    expect(entry?.id).toBeGreaterThan(0);
    const id = entry?.id ?? 0;

    expect(
      await refusal(database.db.update(auditLog).set({ actor: "someone else" }).where(eq(auditLog.id, id))),
    ).toMatch(/append-only: UPDATE/);
    expect(await refusal(database.db.delete(auditLog).where(eq(auditLog.id, id)))).toMatch(/append-only: DELETE/);
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);

    const rows = await database.db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(rows).toEqual([expect.objectContaining({ actor: "system", action: "test.append" })]);
  });
});
