import { z } from "zod";
import { parseTrustedProxies } from "@/server/client-address.mjs";

/** The one place environment variables are read. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /**
   * A streaming replica of DATABASE_URL for the cached dashboard reads; used only while its data
   * version has caught up with the primary's (server/read-cache.ts). Unset, every read is on the primary.
   */
  DATABASE_READ_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  /** Signs session cookies; unset, one is generated once and kept in the database (server/auth/secret.ts). */
  AUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** The public address behind a reverse proxy; unset, the request's own. */
  APP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A group robot that hears of the reporting cycle's notices (WeCom or DingTalk webhook address); unset, none. */
  NOTICE_WEBHOOK_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^https?$/ }).optional()),
  NOTICE_WEBHOOK_FORMAT: z.enum(["wecom", "dingtalk"]).default("wecom"),
  /** DingTalk's signing secret (加签), where the robot has one. */
  NOTICE_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** How often the reminders run, in minutes. */
  NOTICE_JOB_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /**
   * Reverse proxies whose X-Forwarded-* headers are believed (addresses or CIDRs, comma-separated;
   * default none). The production server (scripts/serve.mjs) applies it to every request with the
   * same parser, and refuses to start on a malformed value.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/**
 * Demo data loads by itself only where it cannot be mistaken for real figures: on the embedded
 * database, or outside production. A production server database gets it only from
 * `npm run db:seed -- --demo`.
 */
export function loadsDemoAutomatically(env: Env): boolean {
  return !env.DATABASE_URL || env.NODE_ENV !== "production";
}
