import { index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import type { NoticeKind } from "@/lib/api/notices";
import { dataset } from "./enums";
import { reportingPeriods } from "./periods";
import { regions } from "./regions";

/**
 * A notice of the reporting cycle for the clerks of one region (a deadline near or past, a lock
 * set or lifted). Each is made once (`dedupeKey`), read per user, and sent to the configured group
 * robot at most once: the sender claims it by setting `sentAt` in the same statement.
 */
export const notices = pgTable(
  "notices",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind").$type<NoticeKind>().notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    /** The reporting period; none for a term reminder of a Party organisation (its year is the term's end). */
    periodId: integer("period_id").references(() => reportingPeriods.id),
    dataset: dataset("dataset").notNull(),
    year: smallint("year").notNull(),
    quarter: smallint("quarter"),
    /** What the sentence needs: days, the locking region, a reason, how many are missing. */
    detail: jsonb("detail").$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("notices_region_idx").on(t.regionCode, t.createdAt)],
);

export const noticeReads = pgTable(
  "notice_reads",
  {
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id),
    userId: text("user_id").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] })],
);

export type Notice = typeof notices.$inferSelect;
