import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { appSettings } from "@/db/schema";

/**
 * The secret that signs session cookies. Operators set AUTH_SECRET; without it one is generated
 * once and kept in the database, so that every process of the app signs with the same secret.
 */
export async function authSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(appSettings)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "auth_secret"));
  return row.value;
}
