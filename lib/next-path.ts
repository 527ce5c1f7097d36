const BASE = "http://same.site";

/**
 * Where to go after sign-in: only a path on this site, never an open redirect. The value is
 * normalised as a browser would ("/./", "/../", "%2e", tabs and newlines dropped), and it is the
 * normalised path that is checked and returned: "/.//evil.example" normalises to "//evil.example",
 * which a browser reads as another host, as it does "/\evil.example". /login itself would send a
 * signed-in user round in a circle.
 */
export function sameSitePath(next: string | null | undefined): string {
  if (!next?.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || !isLocalPath(path) || url.pathname === "/login") return "/";
  // Read back as a browser would: the same origin and the same path, or it is not ours.
  const again = new URL(path, BASE);
  if (again.origin !== BASE || `${again.pathname}${again.search}${again.hash}` !== path) return "/";
  return path;
}

/** Exactly one leading slash: "//host" and "/\host" are addresses of another site to a browser. */
function isLocalPath(path: string): boolean {
  return path.startsWith("/") && path[1] !== "/" && path[1] !== "\\";
}
