import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type Viewer, viewerFrom } from "./viewer";

/** The signed-in user of a page; anyone else goes to sign-in and comes back afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const requestHeaders = await headers();
  const viewer = await viewerFrom(requestHeaders);
  if (!viewer) redirect(loginUrl(requestHeaders.get("x-cadre-path")));
  return viewer;
}

export function loginUrl(next: string | null): string {
  // Only a path on this site: never an open redirect.
  const safe = next?.startsWith("/") && !next.startsWith("//") ? next : "/";
  return `/login?next=${encodeURIComponent(safe)}`;
}
