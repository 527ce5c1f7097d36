import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, yearCheck, yearColumn } from "./columns";
import { arenaLevel } from "./enums";

/** 擂台比武: one entry of a Party-organisation secretary in a year's contest at one level. */
export const arenaEntries = pgTable(
  "arena_entries",
  {
    ...figureColumns(),
    year: yearColumn(),
    level: arenaLevel("level").notNull(),
    organisation: text("organisation").notNull(),
    /** Names a person: visible only inside the user's home region. */
    secretary: text("secretary"),
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }),
    rank: integer("rank"),
    award: text("award"),
  },
  (t) => [
    unique("arena_entries_natural_key").on(t.regionCode, t.year, t.level, t.organisation),
    index("arena_entries_year_region_idx").on(t.year, t.regionCode),
    yearCheck("arena_entries", t.year),
    check("arena_entries_score_range", sql`${t.score} between 0 and 100`),
    check("arena_entries_rank_positive", sql`${t.rank} >= 1`),
    check("arena_entries_organisation_not_blank", sql`length(btrim(${t.organisation})) > 0`),
  ],
);

export type ArenaEntry = typeof arenaEntries.$inferSelect;
export type NewArenaEntry = typeof arenaEntries.$inferInsert;
