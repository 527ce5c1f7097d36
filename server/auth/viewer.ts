import { getDb } from "@/db/client";
import { endSession, touchSession } from "@/db/mutations/sessions";
import type { Role, Viewer } from "@/lib/auth/permissions";
import { getAuth, isHttps } from "@/server/auth/instance";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Activity is written at most once a minute, not on every request. */
const TOUCH_AFTER_MS = 60 * 1000;

/**
 * Reads the session from the request's cookie, in the database. Null when there is none, when
 * it expired (12 hours after sign-in), went idle for 30 minutes, or the account was disabled.
 */
export async function viewerFrom(headers: Headers): Promise<Viewer | null> {
  const auth = await getAuth(isHttps(headers));
  const result = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!result) return null;
  const { session, user } = result;
  const db = await getDb();
  const lastActive = new Date(session.updatedAt).getTime();
  if (user.disabled || Date.now() - lastActive > IDLE_TIMEOUT_MS) {
    await endSession(db, session.id);
    return null;
  }
  if (Date.now() - lastActive > TOUCH_AFTER_MS) await touchSession(db, session.id);
  return {
    id: user.id,
    username: user.username ?? "",
    name: user.name,
    role: user.role as Role,
    regionCode: user.regionCode as string,
    personnel: user.personnel === true,
    sessionId: session.id,
  };
}
