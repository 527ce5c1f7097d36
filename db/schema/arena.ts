import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, primaryKey, smallint, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, yearCheck, yearColumn } from "./columns";
import { arenaLevel } from "./enums";
import { villages } from "./organisations";
import { regions } from "./regions";

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
    /**
     * The entry's 苏木乡镇 and 嘎查村/社区 where known (docs/data-contract.md §4.10): named in the file, or the
     * one township of the banner whose full name 参赛单位 contains (server/import/places.ts).
     */
    townshipCode: text("township_code").references(() => regions.code),
    villageCode: text("village_code").references(() => villages.code),
  },
  (t) => [
    unique("arena_entries_natural_key").on(t.regionCode, t.year, t.level, t.organisation),
    index("arena_entries_year_region_idx").on(t.year, t.regionCode),
    // The leaderboards: a year's best scores per level, read in order (db/queries/arena.ts).
    index("arena_entries_leaderboard_idx")
      .on(t.year, t.level, t.score.desc(), t.organisation, t.regionCode)
      .where(sql`${t.score} is not null`),
    index("arena_entries_township_idx").on(t.townshipCode).where(sql`${t.townshipCode} is not null`),
    yearCheck("arena_entries", t.year),
    check("arena_entries_score_range", sql`${t.score} between 0 and 100`),
    check("arena_entries_rank_positive", sql`${t.rank} >= 1`),
    check("arena_entries_organisation_not_blank", sql`length(btrim(${t.organisation})) > 0`),
  ],
);

export type ArenaEntry = typeof arenaEntries.$inferSelect;
export type NewArenaEntry = typeof arenaEntries.$inferInsert;

/**
 * Arena entries counted per reporting region, year, level and score bucket (-1: no score; 0:
 * below 60; 1–8: 60–65 … 95–100, as db/queries/arena.ts draws them). Maintained by statement
 * triggers on arena_entries in the same transaction as every insert, update, delete or truncate
 * (migration 0005), so it always equals a fresh count of the committed entries; the dashboards
 * read their arena counts here instead of counting a year's entries.
 */
export const arenaCounts = pgTable(
  "arena_counts",
  {
    regionCode: text("region_code").notNull(),
    year: yearColumn(),
    level: arenaLevel("level").notNull(),
    bucket: smallint("bucket").notNull(),
    entries: integer("entries").notNull(),
  },
  (t) => [
    primaryKey({ name: "arena_counts_pkey", columns: [t.regionCode, t.year, t.level, t.bucket] }),
    index("arena_counts_year_region_idx").on(t.year, t.regionCode),
    // A trigger removes a count when it reaches zero (found by this index). No CHECK (entries >= 0):
    // the triggers add negative deltas through INSERT … ON CONFLICT, whose proposed row it would refuse.
    index("arena_counts_empty_idx").on(t.regionCode).where(sql`${t.entries} = 0`),
  ],
);
