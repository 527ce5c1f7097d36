import { eq } from "drizzle-orm";
import type { Db } from "../connect";
import { type Role, sessions, users } from "../schema";

export type SessionWithUser = {
  sessionId: string;
  expiresAt: Date;
  /** Last recorded activity (the idle timeout counts from here). */
  updatedAt: Date;
  userId: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  disabled: boolean;
};

/** The session of a (verified) session token with its user, in one query; null when there is none. */
export async function findSessionByToken(db: Db, token: string): Promise<SessionWithUser | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      updatedAt: sessions.updatedAt,
      userId: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, token))
    .limit(1);
  return row ?? null;
}
