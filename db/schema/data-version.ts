import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * One row: a number that every change of published figures raises in the changing transaction
 * (statement triggers on the figures' tables, drizzle/0019_data_version.sql), so a reader that
 * sees version n sees every change up to it. Caches of read answers are keyed by it
 * (server/read-cache.ts); being in the database, it is shared by every server process.
 */
export const dataVersion = pgTable(
  "data_version",
  {
    id: integer("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_version_one_row", sql`${t.id} = 1`)],
);
