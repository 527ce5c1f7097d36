import { expect } from "vitest";
import type { Db } from "@/db/connect";
import { createUser } from "@/db/mutations/users";
import { operator } from "@/lib/auth/operator";
import { getAuth } from "@/server/auth/instance";

/**
 * A viewer of the whole autonomous region, made and signed in through better-auth: the session
 * cookie a route handler is called with, for tests that call routes directly.
 */
export async function viewerCookie(db: Db, username: string): Promise<string> {
  const password = `${username}-pass`;
  await createUser(db, operator(), { username, name: username, role: "viewer", regionCode: "150000", password });
  const response = await (await getAuth(false)).api.signInUsername({ body: { username, password }, asResponse: true });
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0];
}
