import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, eq, sql } from "drizzle-orm";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import type { Role, Viewer } from "@/lib/auth/permissions";
import { canManageUsers } from "@/lib/auth/permissions";
import type { Db, Tx } from "../connect";
import { ancestorsOf } from "../queries/regions-scope";
import { accounts, users } from "../schema";
import { writeAudit } from "./audit";
import { endUserSessions } from "./sessions";

export type NewUserInput = {
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  password: string;
  personnel?: boolean;
};
export type UserChanges = { name?: string; role?: Role; regionCode?: string; disabled?: boolean; personnel?: boolean };

function requireAdmin(actor: Viewer) {
  if (!canManageUsers(actor)) throw new AccessDenied("forbiddenRole", { role: "admin" });
}

async function requireRegion(db: Db, code: string) {
  if (!(await ancestorsOf(db, code))) throw new NotFound("regionNotFound", { code });
}

/**
 * Creates an account that signs in with username and password. The password is hashed by the
 * authentication library (scrypt); the user, the credential and the audit entry are one transaction.
 */
export async function createUser(db: Db, actor: Viewer, input: NewUserInput, ip: string | null = null) {
  requireAdmin(actor);
  await requireRegion(db, input.regionCode);
  const username = input.username.trim().toLowerCase();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw new RequestRefused(409, "usernameTaken", { username });
  const id = randomUUID();
  const password = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      name: input.name.trim(),
      email: `${username}@users.cadre.invalid`,
      username,
      displayUsername: username,
      role: input.role,
      regionCode: input.regionCode,
      personnel: input.personnel ?? false,
    });
    await tx
      .insert(accounts)
      .values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password });
    await writeAudit(tx, {
      actor: actor.id,
      action: "user.create",
      ip,
      regionCode: input.regionCode,
      detail: { userId: id, username, role: input.role, personnel: input.personnel ?? false },
    });
  });
  return { id, username };
}

/** Any constant will do; every process takes the same one for changes to administrators. */
const ADMIN_CHANGES_LOCK = 2_150_010;

/**
 * At least one enabled administrator must remain, or nobody could manage accounts again. Checked
 * after the change, inside its transaction, under a lock every change to an administrator takes:
 * two admins demoting each other at the same moment wait in turn, and the second sees the first's
 * change and is refused.
 */
async function keepAnAdmin(tx: Tx) {
  const result = await tx.execute(sql`select count(*)::int as n from users where role = 'admin' and not disabled`);
  const [row] = (result as unknown as { rows: { n: number }[] }).rows;
  if (row.n < 1) throw new RequestRefused(409, "lastAdmin");
}

/** Role, home region, name, or disabling; a disabled user's open sessions end at once. */
export async function updateUser(
  db: Db,
  actor: Viewer,
  userId: string,
  changes: UserChanges,
  ip: string | null = null,
) {
  requireAdmin(actor);
  if (userId === actor.id && (changes.disabled || (changes.role && changes.role !== "admin"))) {
    throw new RequestRefused(409, "selfLockout");
  }
  if (changes.regionCode) await requireRegion(db, changes.regionCode);
  const [before] = await db.select().from(users).where(eq(users.id, userId));
  if (!before) throw new NotFound("userNotFound");
  const pick = (u: typeof before) => ({
    name: u.name,
    role: u.role,
    regionCode: u.regionCode,
    disabled: u.disabled,
    personnel: u.personnel,
  });
  const after = { ...pick(before), ...changes, name: changes.name?.trim() ?? before.name };
  // Nothing changes: nothing to write or record.
  if (JSON.stringify(after) === JSON.stringify(pick(before))) return;
  await db.transaction(async (tx) => {
    let removesAnAdmin = false;
    if (changes.role !== undefined || changes.disabled !== undefined) {
      await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK})`);
      // Read again under the lock: another change may have committed since `before` was read.
      const [now] = await tx
        .select({ role: users.role, disabled: users.disabled })
        .from(users)
        .where(eq(users.id, userId));
      removesAnAdmin = now?.role === "admin" && !now.disabled && (after.role !== "admin" || after.disabled);
    }
    await tx
      .update(users)
      .set({ ...changes, name: changes.name?.trim(), updatedAt: new Date() })
      .where(eq(users.id, userId));
    if (removesAnAdmin) await keepAnAdmin(tx);
    if (changes.disabled) await endUserSessions(tx, userId);
    const action =
      changes.disabled === true && !before.disabled
        ? "user.disable"
        : changes.disabled === false && before.disabled
          ? "user.enable"
          : "user.update";
    await writeAudit(tx, {
      actor: actor.id,
      action,
      ip,
      regionCode: changes.regionCode ?? before.regionCode,
      detail: { userId, username: before.username, before: pick(before), after },
    });
  });
}

/** Sets a new password; the user's open sessions end, so the old password's sessions cannot linger. */
export async function resetPassword(db: Db, actor: Viewer, userId: string, password: string, ip: string | null = null) {
  requireAdmin(actor);
  const [user] = await db
    .select({ username: users.username, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFound("userNotFound");
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")));
    await endUserSessions(tx, userId);
    await writeAudit(tx, {
      actor: actor.id,
      action: "user.password_reset",
      ip,
      detail: { userId, username: user.username },
    });
  });
}
