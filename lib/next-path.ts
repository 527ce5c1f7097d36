/**
 * Where to go after sign-in: only a path on this site, never an open redirect. "//host" and
 * "/\host" are rejected because browsers read both as another site, and /login itself would
 * send a signed-in user round in a circle.
 */
export function sameSitePath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  const url = new URL(next, "http://same.site");
  if (url.origin !== "http://same.site" || url.pathname === "/login") return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
