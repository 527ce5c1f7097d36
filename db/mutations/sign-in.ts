import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { signInFailures } from "../schema";

export const SIGN_IN_WINDOW_MS = 5 * 60 * 1000;
/** The 6th failed attempt within the window is refused. */
export const SIGN_IN_MAX_FAILURES = 5;

/** Failures of one username inside the window, and when the oldest of them leaves it. */
export async function recentFailures(db: Db, username: string): Promise<{ count: number; retryAt: Date | null }> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${signInFailures.at})` })
    .from(signInFailures)
    .where(and(eq(signInFailures.username, username), gt(signInFailures.at, since)));
  const retryAt = row.oldest ? new Date(new Date(row.oldest).getTime() + SIGN_IN_WINDOW_MS) : null;
  return { count: row.count, retryAt };
}

export async function recordFailure(db: Db, username: string, ip: string | null): Promise<void> {
  await db.insert(signInFailures).values({ username, ip });
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.username, username));
}
