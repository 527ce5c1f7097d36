import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRows } from "@/db/mutations/datasets";
import { refreshDeadlineNotices, refreshTermNotices } from "@/db/mutations/notices";
import { adjustTerm } from "@/db/mutations/organisations";
import { prepareDatabase } from "@/db/prepare";
import { listNotices } from "@/db/queries/notices";
import { getOrganisations, listOrganisations } from "@/db/queries/organisations";
import { rows } from "@/db/queries/sql";
import { auditLog, notices, organisations } from "@/db/schema";
import { DEMO_TERM_DAY } from "@/db/seed/demo-orgs";
import { organisationMeasures } from "@/lib/api/organisations";
import { RequestRefused } from "@/lib/auth/errors";
import { testDatabase } from "../helpers/db";
import { person } from "../helpers/viewers";

/**
 * 基层党组织 against the demo: a league's counts are its own plus its banners', a child's counts in
 * its parent's comparison are its own board's, the list a count opens holds exactly that many, the
 * secretary's name only inside the caller's home region; recording an approved adjustment is the
 * region's clerk's (or an administrator's), held to one year, with its audit entry.
 */
const staff = person("staff", "viewer", "150000");
const bayannur = person("bayannur", "viewer", "150800");
const admin = person("admin", "admin", "150000");
const wuhouClerk = person("wuhou-clerk", "clerk", "150825");
const linheClerk = person("linhe-clerk", "clerk", "150802");
const asOf = DEMO_TERM_DAY;

let database: Awaited<ReturnType<typeof testDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe("the board's roll-ups", () => {
  it.each(["150000", "150800", "150825"])(
    "%s: the total is its 本级 plus its children's, each child its own board",
    async (region) => {
      const view = await getOrganisations(db(), staff, { region, asOf });
      if (!view) throw new Error(region);
      expect(view.total.all).toBeGreaterThan(0);
      for (const m of organisationMeasures) {
        const children = view.children.filter((c) => !c.own).reduce((n, c) => n + c[m], 0);
        expect(view.own[m] + children, m).toBe(view.total[m]);
      }
      for (const child of view.children.filter((c) => !c.own).slice(0, 3)) {
        const own = await getOrganisations(db(), staff, { region: child.code, asOf });
        expect(own?.total.all, child.code).toBe(child.all);
        expect(own?.total.overdue, child.code).toBe(child.overdue);
      }
    },
  );

  it("the demo has every kind of term and of rule somewhere, and every banner 12–40 organisations", async () => {
    const view = await getOrganisations(db(), staff, { region: "150000", asOf });
    if (!view) throw new Error("root");
    for (const m of organisationMeasures) expect(view.total[m], m).toBeGreaterThan(0);
    const perBanner = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from organisations o join regions r on r.code = o.region_code where r.level = 'county' group by o.region_code`,
    );
    expect(Math.min(...perBanner.map((b) => b.n))).toBeGreaterThanOrEqual(12);
    expect(Math.max(...perBanner.map((b) => b.n))).toBeLessThanOrEqual(40);
  });

  it("a banner's organisations per township add up to the banner", async () => {
    const view = await getOrganisations(db(), staff, { region: "150825", asOf });
    expect(view?.townships.length).toBeGreaterThan(1);
    expect(view?.townships.reduce((n, t) => n + t.all, 0)).toBe(view?.total.all);
  });

  it("the list a count opens holds as many organisations as the count", async () => {
    const view = await getOrganisations(db(), staff, { region: "150800", asOf });
    for (const measure of ["due", "overdue", "extended", "split", "committee"] as const) {
      const list = await listOrganisations(db(), staff, { region: "150800", asOf, measure });
      expect(list?.total, measure).toBe(view?.total[measure]);
    }
    const missing = await listOrganisations(db(), staff, { region: "150000", asOf, measure: "missing" });
    expect(missing?.rows.every((o) => o.unitsNeedingOwn.length > 0 && o.jointUnits)).toBe(true);
  });

  it("shows the secretary's name only inside the caller's home region", async () => {
    const own = await listOrganisations(db(), bayannur, { region: "150800", asOf });
    expect(own?.rows.every((o) => o.secretary && !o.namesHidden)).toBe(true);
    const other = await listOrganisations(db(), bayannur, { region: "150100", asOf });
    expect(other?.total).toBeGreaterThan(0);
    expect(other?.rows.every((o) => o.secretary === null && o.namesHidden && o.name)).toBe(true);
    expect(other?.rows.every((o) => !o.editable)).toBe(true);
  });
});

describe("recording an approved extension or early election", () => {
  const wuhouBranch = async () => {
    const [org] = await db()
      .select()
      .from(organisations)
      .where(
        and(
          eq(organisations.regionCode, "150825"),
          eq(organisations.type, "党支部"),
          eq(organisations.unitType, "机关"),
        ),
      )
      .limit(1);
    return org;
  };
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof RequestRefused) return [error.status, error.reason];
      throw error;
    }
    return null;
  };

  it("the banner's clerk records an extension of at most one year; the audit log has it", async () => {
    const org = await wuhouBranch();
    const end = Number(org.electedOn.slice(0, 4)) + 3 + org.electedOn.slice(4);
    const endsOn = `${Number(end.slice(0, 4)) + 1}${end.slice(4)}`;
    const input = { type: "延期换届" as const, reason: "单位机构改革", approver: "中共乌拉特后旗委员会", endsOn };
    await expect(adjustTerm(db(), wuhouClerk, org.id, input)).resolves.toEqual({ id: org.id, endsOn });
    const [stored] = await db().select().from(organisations).where(eq(organisations.id, org.id));
    expect([stored.adjustment, stored.adjustedEndsOn, stored.adjustmentApprover]).toEqual([
      "延期换届",
      endsOn,
      "中共乌拉特后旗委员会",
    ]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "organisation.term_adjust"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit).toMatchObject({ actor: "wuhou-clerk", regionCode: "150825" });
    // One day more than a year: refused, and nothing changes.
    const later = `${Number(end.slice(0, 4)) + 1}${end.slice(4, 8)}${String(Number(end.slice(8)) + 1).padStart(2, "0")}`;
    expect(await refusal(adjustTerm(db(), wuhouClerk, org.id, { ...input, endsOn: later }))).toEqual([
      400,
      "import.errors.term.overOneYear",
    ]);
    expect(await refusal(adjustTerm(db(), wuhouClerk, org.id, { ...input, type: "提前换届" }))).toEqual([
      400,
      "import.errors.term.notEarlier",
    ]);
    const [after] = await db().select().from(organisations).where(eq(organisations.id, org.id));
    expect(after.adjustedEndsOn).toBe(endsOn);
  });

  it("refuses another region's clerk, a viewer and an unknown id", async () => {
    const org = await wuhouBranch();
    const input = {
      type: "提前换届" as const,
      reason: "单位合并",
      approver: "中共乌拉特后旗委员会",
      endsOn: org.electedOn,
    };
    expect(await refusal(adjustTerm(db(), linheClerk, org.id, input))).toEqual([403, "forbiddenRegion"]);
    expect(await refusal(adjustTerm(db(), bayannur, org.id, input))).toEqual([403, "forbiddenRole"]);
    expect(await refusal(adjustTerm(db(), admin, 2_000_000_000, input))).toEqual([404, "organisationNotFound"]);
  });
});

describe("term reminders", () => {
  let fresh: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    fresh = await testDatabase();
    await prepareDatabase(fresh, { demo: false });
    await fresh.db.transaction((tx) =>
      writeRows(
        tx,
        "organisations",
        [
          {
            regionCode: "150825",
            name: "中共乌拉特后旗水利局机关支部委员会",
            type: "党支部",
            unit: "乌拉特后旗水利局",
            unitType: "机关",
            members: 12,
            electedOn: "2024-03-01",
          },
        ],
        null,
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await fresh?.close();
  });

  it("one notice six months before the end, none before, none again; an overdue one listed", async () => {
    expect(await refreshTermNotices(fresh.db, "2026-08-31")).toBe(0);
    expect(await refreshDeadlineNotices(fresh.db, "2026-09-01")).toBe(1);
    expect(await refreshDeadlineNotices(fresh.db, "2026-09-02")).toBe(0);
    const clerk = (await listNotices(fresh.db, wuhouClerk)).notices;
    expect(clerk.map((n) => [n.kind, n.detail])).toEqual([
      ["term_due", { organisation: "中共乌拉特后旗水利局机关支部委员会", endsOn: "2027-03-01" }],
    ]);
    expect(await refreshTermNotices(fresh.db, "2027-03-02")).toBe(1);
    expect(await refreshTermNotices(fresh.db, "2027-04-01")).toBe(0);
    const kinds = (await listNotices(fresh.db, wuhouClerk)).notices.map((n) => n.kind).sort();
    expect(kinds).toEqual(["term_due", "term_overdue"]);
    expect(await fresh.db.select().from(notices)).toHaveLength(2);
  });
});
