import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type UserChanges, updateUser } from "@/db/mutations/users";
import { prepareDatabase } from "@/db/prepare";
import { users } from "@/db/schema";
import { RequestRefused } from "@/lib/auth/errors";
import { operator } from "@/lib/auth/operator";
import type { Viewer } from "@/lib/auth/permissions";
import { apiMessage } from "@/server/http";
import { testDatabase } from "../helpers/db";

/**
 * At least one enabled administrator remains, whatever two administrators do at the same moment
 * (on PGlite and on a Postgres server, whichever DATABASE_URL picks).
 */
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: false });
});

afterAll(async () => {
  await database?.close();
});

let serial = 0;
async function admin(): Promise<Viewer> {
  const username = `admin-${++serial}`;
  const { id } = await createUser(database.db, operator(), {
    username,
    name: username,
    role: "admin",
    regionCode: "150000",
    password: "last-admin-pass",
  });
  return { id, username, name: username, role: "admin", regionCode: "150000", sessionId: "test" };
}

async function enabledAdmins() {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false)));
  return row.n;
}

/** Leaves exactly the given admins enabled: every other admin of earlier cases is demoted. */
async function onlyThese(...keep: Viewer[]) {
  const ids = keep.map((v) => v.id);
  await database.db
    .update(users)
    .set({ role: "viewer" })
    .where(sql`${users.role} = 'admin' and ${users.id} not in (${sql.join(ids, sql`, `)})`);
}

async function settle(changes: [actor: Viewer, target: Viewer, change: UserChanges][]) {
  return Promise.allSettled(
    changes.map(([actor, target, change]) => updateUser(database.db, actor, target.id, change)),
  );
}

function refusals(results: PromiseSettledResult<unknown>[]) {
  return results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
}

describe("the last administrator", () => {
  it.each([
    ["demote each other", { role: "viewer" }],
    ["disable each other", { disabled: true }],
  ] as const)("two admins who %s at the same moment: exactly one succeeds", async (_name, change) => {
    const [a, b] = [await admin(), await admin()];
    await onlyThese(a, b);
    const results = await settle([
      [a, b, change],
      [b, a, change],
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = refusals(results);
    expect(refused).toBeInstanceOf(RequestRefused);
    expect(refused).toMatchObject({ status: 409, reason: "lastAdmin" });
    expect(apiMessage("zh-CN", (refused as RequestRefused).reason)).toBe(
      "至少要保留一位启用的管理员：不能停用或降级最后一位管理员。",
    );
    expect(await enabledAdmins()).toBe(1);
  });

  it("three admins, each demoting the next at once: one remains", async () => {
    const [a, b, c] = [await admin(), await admin(), await admin()];
    await onlyThese(a, b, c);
    const results = await settle([
      [a, b, { role: "clerk" }],
      [b, c, { disabled: true }],
      [c, a, { role: "viewer" }],
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await enabledAdmins()).toBeGreaterThanOrEqual(1);
  });

  it("the operator at the command line cannot remove the last one either; other changes still pass", async () => {
    const a = await admin();
    await onlyThese(a);
    await expect(updateUser(database.db, operator(), a.id, { role: "viewer" })).rejects.toMatchObject({
      status: 409,
      reason: "lastAdmin",
    });
    await expect(updateUser(database.db, operator(), a.id, { disabled: true })).rejects.toMatchObject({
      status: 409,
    });
    await updateUser(database.db, operator(), a.id, { name: "改名的管理员", regionCode: "150800" });
    expect(await enabledAdmins()).toBe(1);
    // With a second admin, the first may go.
    const b = await admin();
    await updateUser(database.db, b, a.id, { role: "viewer" });
    expect(await enabledAdmins()).toBe(1);
  });
});
