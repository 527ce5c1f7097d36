import { NextResponse } from "next/server";
import { AUTH_ENDPOINTS_IN_USE } from "@/server/auth/auth";
import { getAuth, isHttps } from "@/server/auth/instance";
import { jsonError } from "@/server/http";

export const dynamic = "force-dynamic";

const PREFIX = "/api/auth";
const allowed = new Set<string>(AUTH_ENDPOINTS_IN_USE);
/** A username, a password or two: anything larger is not a sign-in, and anonymous callers send it. */
const MAX_BODY_BYTES = 16 * 1024;

/** The body, read only as far as the limit (a missing or false Content-Length does not help). Null: too large. */
async function boundedBody(request: Request): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * better-auth's routes, only those the product calls: sign-in (POST /api/auth/sign-in/username),
 * sign-out, change-password, get-session. Everything else the library offers (e-mail sign-in on
 * the synthetic addresses, sign-up, renaming, username probing, …) is 404 here, before the
 * library sees it, and switched off in the library as well (disabledPaths in server/auth/auth.ts).
 */
async function handle(request: Request) {
  const path = new URL(request.url).pathname;
  if (!path.startsWith(`${PREFIX}/`) || !allowed.has(`${request.method} ${path.slice(PREFIX.length)}`)) {
    return NextResponse.json({ message: "未找到。Not found." }, { status: 404 });
  }
  let bounded = request;
  if (request.method === "POST") {
    const body = await boundedBody(request);
    if (!body) return jsonError(request, 413, "bodyTooLarge", { max: MAX_BODY_BYTES / 1024 });
    bounded = new Request(request.url, { method: request.method, headers: request.headers, body });
  }
  return (await getAuth(isHttps(request.headers))).handler(bounded);
}

export const GET = handle;
export const POST = handle;
