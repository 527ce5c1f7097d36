import { getAuth, isHttps } from "@/lib/auth/server";

export const dynamic = "force-dynamic";

/** better-auth's routes: sign-in (POST /api/auth/sign-in/username), sign-out, change-password, get-session. */
async function handle(request: Request) {
  return (await getAuth(isHttps(request.headers))).handler(request);
}

export const GET = handle;
export const POST = handle;
