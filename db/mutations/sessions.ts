import { eq } from "drizzle-orm";
import type { Db, Tx } from "../connect";
import { sessions } from "../schema";

/** Marks activity on a session (the idle timeout counts from here). */
export async function touchSession(db: Db, id: string): Promise<void> {
  await db.update(sessions).set({ updatedAt: new Date() }).where(eq(sessions.id, id));
}

export async function endSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every open session of a user at once (disable, password reset). */
export async function endUserSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
