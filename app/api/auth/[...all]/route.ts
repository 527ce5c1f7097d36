import { NextResponse } from "next/server";
import { AUTH_ENDPOINTS_IN_USE } from "@/lib/auth/auth";
import { getAuth, isHttps } from "@/lib/auth/server";

export const dynamic = "force-dynamic";

const PREFIX = "/api/auth";
const allowed = new Set<string>(AUTH_ENDPOINTS_IN_USE);

/**
 * better-auth's routes, only those the product calls: sign-in (POST /api/auth/sign-in/username),
 * sign-out, change-password, get-session. Everything else the library offers (e-mail sign-in on
 * the synthetic addresses, sign-up, renaming, username probing, …) is 404 here, before the
 * library sees it, and switched off in the library as well (disabledPaths in lib/auth/auth.ts).
 */
async function handle(request: Request) {
  const path = new URL(request.url).pathname;
  if (!path.startsWith(`${PREFIX}/`) || !allowed.has(`${request.method} ${path.slice(PREFIX.length)}`)) {
    return NextResponse.json({ message: "未找到。Not found." }, { status: 404 });
  }
  return (await getAuth(isHttps(request.headers))).handler(request);
}

export const GET = handle;
export const POST = handle;
