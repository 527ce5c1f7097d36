import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { writeAudit } from "@/db/mutations/audit";
import { claimSignInAttempt, clearFailures } from "@/db/mutations/sign-in";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { USERNAME_PATTERN, withoutControlCharacters } from "@/lib/schemas";
import { authMessage } from "@/server/auth/messages";
import { readEnv } from "@/server/env";
import { localeOf } from "@/server/http";
import { clientAddress } from "@/server/request-ip";

/** A session ends 12 hours after sign-in whatever happens; idleness is checked in viewer.ts. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The better-auth endpoints the product calls (sign-in page, sign-out button, account page, viewer.ts). */
export const AUTH_ENDPOINTS_IN_USE = [
  "POST /sign-in/username",
  "POST /sign-out",
  "GET /get-session",
  "POST /change-password",
] as const;

/**
 * Every other endpoint of better-auth 1.7 and its username plugin, switched off in the library
 * as well as by the route's allow-list (app/api/auth/[...all]/route.ts), so that neither alone
 * holds the door. tests/auth/auth-endpoints.test.ts fails when an upgrade brings a new one.
 * Paths with a parameter (/callback/:id, /reset-password/:token) cannot be listed here; the
 * allow-list refuses them.
 */
const AUTH_ENDPOINTS_UNUSED = [
  "/sign-in/email",
  "/sign-in/social",
  "/sign-up/email",
  "/update-user",
  "/is-username-available",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/reset-password",
  "/request-password-reset",
  "/verify-password",
  "/verify-email",
  "/send-verification-email",
  "/update-session",
  "/list-sessions",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/link-social",
  "/list-accounts",
  "/unlink-account",
  "/refresh-token",
  "/get-access-token",
  "/account-info",
  "/ok",
  "/error",
];

export function createAuth(db: Db, secret: string, secure: boolean) {
  return betterAuth({
    appName: "干部担当作为实绩看板",
    secret,
    baseURL: readEnv().APP_URL,
    // Next hands route handlers a localhost URL whatever host the browser used, so trust the
    // host the request names (as proxy.ts does): same-origin requests pass, other sites do not.
    // x-forwarded-host reaches us only from a trusted proxy: scripts/serve.mjs drops it otherwise.
    trustedOrigins: (request) => {
      const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Accounts are made by administrators (and the user:create command), never by sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false },
        regionCode: { type: "string", input: false, required: false },
        disabled: { type: "boolean", input: false, required: false },
        personnel: { type: "boolean", input: false, required: false },
      },
    },
    session: { expiresIn: SESSION_MAX_AGE_S, disableSessionRefresh: true, cookieCache: { enabled: false } },
    // The library's limiter counts per process in memory; ours (below) counts per username in the database.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    disabledPaths: AUTH_ENDPOINTS_UNUSED,
    // Failed sign-ins are in the audit log; the library's warnings would only repeat them.
    logger: { level: "error" },
    advanced: {
      // The library skips this check under test; ours must test it like production.
      disableOriginCheck: false,
      cookiePrefix: "cadre",
      useSecureCookies: secure,
      // The production server (scripts/serve.mjs) sets x-forwarded-for to the one address it trusts.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account cannot start a session, whatever path it tries.
          before: async (session) => {
            const [user] = await db
              .select({ disabled: users.disabled })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user || user.disabled) throw new APIError("FORBIDDEN", { message: "account disabled" });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/username") {
          const name = normalise(ctx.body?.username);
          const ip = clientAddress(ctx.headers);
          const attempt = await claimSignInAttempt(db, name, ip);
          if (!attempt.allowed) {
            await writeAudit(db, {
              actor: name || "anonymous",
              action: "auth.sign_in_blocked",
              ip,
              detail: { retryAt: attempt.retryAt.toISOString(), limit: attempt.limit },
            });
            const key = attempt.limit === "address" ? "tooManyFromAddress" : "tooManyAttempts";
            throw new APIError("TOO_MANY_REQUESTS", {
              message: authMessage(localeOf(ctx.headers), key, attempt.retryAt),
              code: "TOO_MANY_ATTEMPTS",
              retryAt: attempt.retryAt.toISOString(),
            });
          }
        }
        if (ctx.path === "/sign-out") {
          const session = await getSessionFromCtx(ctx);
          if (session) {
            await writeAudit(db, {
              actor: session.user.id,
              action: "auth.sign_out",
              ip: clientAddress(ctx.headers),
              regionCode: session.user.regionCode as string,
            });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const failed = ctx.context.returned instanceof Error;
        if (ctx.path === "/sign-in/username") {
          const name = normalise(ctx.body?.username);
          const ip = clientAddress(ctx.headers);
          const session = ctx.context.newSession;
          if (!failed && session) {
            await clearFailures(db, name);
            await writeAudit(db, {
              actor: session.user.id,
              action: "auth.sign_in",
              ip,
              regionCode: (session.user as { regionCode?: string }).regionCode ?? null,
              detail: { username: name },
            });
          } else {
            // The attempt was counted as a failure before the password was checked.
            await writeAudit(db, { actor: name || "anonymous", action: "auth.sign_in_failed", ip });
          }
        }
        if (ctx.path === "/change-password" && !failed) {
          const session = ctx.context.session ?? (await getSessionFromCtx(ctx));
          if (session) {
            await writeAudit(db, {
              actor: session.user.id,
              action: "auth.password_changed",
              ip: clientAddress(ctx.headers),
            });
          }
        }
      }),
    },
    plugins: [
      username({
        minUsernameLength: 2,
        maxUsernameLength: 32,
        usernameValidator: (name) => USERNAME_PATTERN.test(name),
      }),
      // Must stay last: lets server actions set the session cookie.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Usernames are at most 32 characters; more is kept only as far as it helps to read the audit log. */
const MAX_RECORDED_USERNAME = 64;

/**
 * The username as the throttle counts it and the audit log records it: anyone can send anything
 * here, so it is cut short and stripped of control characters before it is stored.
 */
function normalise(value: unknown): string {
  if (typeof value !== "string") return "";
  return withoutControlCharacters(value).trim().toLowerCase().slice(0, MAX_RECORDED_USERNAME);
}
