import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { figureColumns, nonNegative } from "./columns";
import { organisationType, termAdjustment, unitType } from "./enums";
import { regions } from "./regions";

/**
 * Villages and communities (嘎查、村、社区) of the reference (db/reference/villages.csv), under their
 * township: an organisation's 嘎查村/社区 is resolved against them by name inside its banner.
 */
export const villages = pgTable(
  "villages",
  {
    code: text("code").primaryKey(),
    nameZh: text("name_zh").notNull(),
    kindZh: text("kind_zh").notNull(),
    townshipCode: text("township_code")
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    index("villages_township_idx").on(t.townshipCode),
    check("villages_code_format", sql`${t.code} ~ '^[0-9]{12}$'`),
  ],
);

/**
 * 基层党组织: one basic-level Party organisation of a region (docs/data-contract.md §4.8), its current
 * term (the election day; the end is computed by lib/terms.ts from the type and the unit's type) and
 * an approved adjustment of the term. Its secretary's name follows the name rule
 * (lib/auth/permissions.ts nameScope); the organisation's own name is no person's.
 */
export const organisations = pgTable(
  "organisations",
  {
    ...figureColumns(),
    name: text("name").notNull(),
    type: organisationType("type").notNull(),
    unit: text("unit").notNull(),
    unitType: unitType("unit_type").notNull(),
    townshipCode: text("township_code").references(() => regions.code),
    villageCode: text("village_code").references(() => villages.code),
    parentOrganisation: text("parent_organisation"),
    members: integer("members").notNull(),
    electedOn: date("elected_on").notNull(),
    secretary: text("secretary"),
    secretaryApprovedOn: date("secretary_approved_on"),
    adjustment: termAdjustment("adjustment"),
    adjustmentReason: text("adjustment_reason"),
    adjustmentApprover: text("adjustment_approver"),
    adjustedEndsOn: date("adjusted_ends_on"),
    /** A joint branch's units with their full members: "单位A:2、单位B:4" (lib/terms.ts parseJointUnits). */
    jointUnits: text("joint_units"),
  },
  (t) => [
    unique("organisations_natural_key").on(t.regionCode, t.name),
    index("organisations_region_idx").on(t.regionCode),
    nonNegative("organisations", "members", t.members),
    check("organisations_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check(
      "organisations_adjustment_complete",
      sql`(${t.adjustment} is null) = (${t.adjustedEndsOn} is null) and (${t.adjustment} is null or (${t.adjustmentReason} is not null and ${t.adjustmentApprover} is not null))`,
    ),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Village = typeof villages.$inferSelect;
