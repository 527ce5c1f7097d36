import { eq, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { signInFailures } from "../schema";

export const SIGN_IN_WINDOW_MS = 5 * 60 * 1000;
/** The 6th attempt for one username within the window is refused (the failures of the 5 before it). */
export const SIGN_IN_MAX_FAILURES = 5;
/**
 * Failures from one address within the window, across all usernames: without it, one address
 * could try 5 passwords on every username. 30 because a department's office often reaches us
 * through one NAT address: a colleague who mistypes and then signs in clears their own failures,
 * so the office reaches 30 only if some 30 sign-ins fail and are never followed by a success
 * within 5 minutes, which is guessing, not a morning's typos. A guesser gets 30 tries per
 * 5 minutes, whichever usernames they spread them over.
 */
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;

/** Any constant will do; it keeps these locks apart from other advisory locks (migrations). */
const LOCK_CLASS = { username: 2_150_001, address: 2_150_002 };

export type Attempt = { allowed: true } | { allowed: false; limit: "username" | "address"; retryAt: Date };

/**
 * Counts the window and records this attempt as a failure in one step, before the password is
 * checked, so parallel attempts cannot all pass the check before any of them is counted. Every
 * process takes the same advisory locks (the address first, then the username, so two attempts
 * never wait for each other crosswise); a success clears the username's failures afterwards.
 * Without an address (a call that did not come through the server) only the username is limited.
 */
export async function claimSignInAttempt(db: Db, username: string, ip: string | null): Promise<Attempt> {
  return db.transaction(async (tx) => {
    if (ip) await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS.address}, hashtext(${ip}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS.username}, hashtext(${username}))`);
    const window = sql`now() - make_interval(secs => ${SIGN_IN_WINDOW_MS / 1000})`;
    const result = await tx.execute(sql`
      select (select count(*)::int from sign_in_failures where username = ${username} and at > ${window}) as user_count,
             (select min(at) from sign_in_failures where username = ${username} and at > ${window}) as user_oldest,
             (select count(*)::int from sign_in_failures where ${ip}::text is not null and ip = ${ip} and at > ${window}) as ip_count,
             (select min(at) from sign_in_failures where ${ip}::text is not null and ip = ${ip} and at > ${window}) as ip_oldest`);
    const [row] = (
      result as unknown as {
        rows: {
          user_count: number;
          user_oldest: string | Date | null;
          ip_count: number;
          ip_oldest: string | Date | null;
        }[];
      }
    ).rows;
    const retryAt = (oldest: string | Date | null) =>
      new Date(new Date(oldest ?? Date.now()).getTime() + SIGN_IN_WINDOW_MS);
    if (row.user_count >= SIGN_IN_MAX_FAILURES)
      return { allowed: false, limit: "username", retryAt: retryAt(row.user_oldest) };
    if (row.ip_count >= SIGN_IN_MAX_FAILURES_PER_ADDRESS) {
      return { allowed: false, limit: "address", retryAt: retryAt(row.ip_oldest) };
    }
    await tx.insert(signInFailures).values({ username, ip });
    return { allowed: true };
  });
}

/** A successful sign-in: the username's count starts again (its failures from every address). */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.username, username));
}
