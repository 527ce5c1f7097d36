import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { isCrossSiteWrite } from "@/server/same-origin";

/**
 * Optimistic gate only: it redirects visitors without a session cookie to sign-in and refuses
 * cross-site writes. Whether the session is valid, and what its user may see or change, is
 * decided on the server for every page, route handler and query (lib/auth, db/queries).
 */
const PUBLIC_PATHS = ["/login", "/api/health"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (isCrossSiteWrite(request)) {
    return NextResponse.json(
      { message: "拒绝来自其他网站的请求。Requests from other sites are refused." },
      { status: 403 },
    );
  }
  if (PUBLIC_PATHS.includes(pathname) || pathname.startsWith("/api/auth/")) return NextResponse.next();
  if (getSessionCookie(request, { cookiePrefix: "cadre" })) {
    // Pages read this to send an expired session back to sign-in and then return here.
    const headers = new Headers(request.headers);
    headers.set("x-cadre-path", `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  }
  if (isApi) return NextResponse.json({ message: "请先登录。Please sign in." }, { status: 401 });
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Next's own assets, the files anyone may read (the icon; public/robots.txt,
  // which keeps search engines out of an internal dashboard) and the upload route. Next buffers in memory every
  // request body the proxy sees, and cuts it at 10 MB (experimental.proxyClientMaxBodySize), so
  // uploads (up to 128 MB) must not pass through here; the route checks the session and the
  // origin itself (server/api-route.ts), and streams the file to disk (server/import/receive.ts).
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|robots.txt|api/uploads$).*)"],
};
