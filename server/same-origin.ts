/**
 * State-changing requests from another site are refused: browsers send Origin with every
 * cross-site POST, so an Origin that does not name this host is a page elsewhere using the
 * visitor's cookies. The host is the one the browser used: x-forwarded-host survives only from a
 * trusted proxy (scripts/serve.mjs drops it otherwise), then Host; a request built without either
 * (tests, scripts in-process) falls back to its URL. One function for proxy.ts and server/api-route.ts,
 * because some routes (POST /api/uploads) bypass the proxy.
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false; // Scripts carry their own credentials; browsers always send Origin here.
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ||
    request.headers.get("host") ||
    new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
