import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgTable, text } from "drizzle-orm/pg-core";
import { regionLevel } from "./enums";

/**
 * Administrative divisions (GB/T 2260) and the statistical functional zones that report figures.
 * A region is never deleted: a renamed or retired one gets `validTo`, so its figures stay attached.
 */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en"),
    level: regionLevel("level").notNull(),
    kindZh: text("kind_zh").notNull(),
    parentCode: text("parent_code"),
    /** Abbreviations and other names clerks write (察右前旗 for 察哈尔右翼前旗). */
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    /**
     * Codes from the root down to this region itself. Roll-ups use it: a league's total is every
     * figure whose region has the league among its ancestors, and the child a figure rolls up to
     * is the ancestor one level below the region being viewed.
     */
    ancestors: text("ancestors").array().notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
  },
  (t) => [
    foreignKey({ columns: [t.parentCode], foreignColumns: [t.code], name: "regions_parent_fk" }),
    index("regions_parent_idx").on(t.parentCode),
    index("regions_ancestors_idx").using("gin", t.ancestors),
    check("regions_code_format", sql`${t.code} ~ '^[0-9]{6}([0-9]{3})?$'`),
    check("regions_root_has_no_parent", sql`(${t.level} = 'autonomous_region') = (${t.parentCode} is null)`),
    check("regions_validity", sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export type Region = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;
