import { getDb } from "@/db/client";
import { type Auth, createAuth } from "@/server/auth/auth";
import { authSecret } from "@/server/auth/secret";
import { readEnv } from "@/server/env";

/**
 * One auth instance per process and scheme, on globalThis for the same reason as the database
 * handle. Two schemes because cookies are Secure (and named __Secure-…) only over HTTPS, and a
 * department may serve plain HTTP on its intranet, where a Secure cookie would never come back.
 */
const holder = globalThis as unknown as { __cadreAuth?: Record<"http" | "https", Promise<Auth> | undefined> };

export function getAuth(secure: boolean): Promise<Auth> {
  const scheme = secure ? "https" : "http";
  holder.__cadreAuth ??= { http: undefined, https: undefined };
  const instances = holder.__cadreAuth;
  instances[scheme] ??= (async () => {
    const db = await getDb();
    return createAuth(db, await authSecret(db, readEnv().AUTH_SECRET), secure);
  })().catch((error) => {
    instances[scheme] = undefined;
    throw error;
  });
  return instances[scheme];
}

/** Whether the browser reached us over HTTPS (directly or through a reverse proxy). */
export function isHttps(headers: Headers): boolean {
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0].trim() === "https";
}
