import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { endSession, touchSession } from "@/db/mutations/sessions";
import { findSessionByToken } from "@/db/queries/sessions";
import type { Principal } from "./permissions";
import { getAuth, isHttps } from "./server";

/** The signed-in user as every query and mutation sees them. */
export type Viewer = Principal & { id: string; username: string; name: string; sessionId: string };

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Activity is written at most once a minute, not on every request. */
const TOUCH_AFTER_MS = 60 * 1000;

/**
 * Reads the session from the request's cookie, in the database. Null when there is none, when
 * it expired (12 hours after sign-in), went idle for 30 minutes, or the account was disabled;
 * the last three also end it.
 *
 * The cookie is the one better-auth sets (its name and secret come from the auth instance): the
 * session token, a dot and the token's HMAC-SHA256 under the secret, checked here as the library
 * checks it. The session and its user are then read in one query, instead of going through the
 * library's endpoint machinery and its adapter (two lookups) on every request.
 */
export async function viewerFrom(headers: Headers): Promise<Viewer | null> {
  const auth = await getAuth(isHttps(headers));
  const context = await auth.$context;
  const token = signedCookie(headers.get("cookie"), context.authCookies.sessionToken.name, context.secret);
  if (!token) return null;
  const db = await getDb();
  const found = await findSessionByToken(db, token);
  if (!found) return null;
  const now = Date.now();
  const lastActive = found.updatedAt.getTime();
  if (found.expiresAt.getTime() < now || found.disabled || now - lastActive > IDLE_TIMEOUT_MS) {
    await endSession(db, found.sessionId);
    return null;
  }
  if (now - lastActive > TOUCH_AFTER_MS) await touchSession(db, found.sessionId);
  return {
    id: found.userId,
    username: found.username,
    name: found.name,
    role: found.role,
    regionCode: found.regionCode,
    sessionId: found.sessionId,
  };
}

/**
 * The value of a signed cookie (`value.base64(HMAC-SHA256(secret, value))`, URI-encoded, as
 * better-call signs it), or null when it is missing or its signature does not match.
 */
function signedCookie(header: string | null, name: string, secret: string): string | null {
  if (!header) return null;
  let raw: string | undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      raw = part.slice(eq + 1).trim();
      break;
    }
  }
  if (!raw) return null;
  if (raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1);
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  // Compared as the exact base64 text, so that no other spelling of the same bytes passes.
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}
