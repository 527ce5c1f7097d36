import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/permissions";
import { sameSitePath } from "@/lib/next-path";
import { viewerFrom } from "@/server/auth/viewer";

/**
 * The signed-in user of a page; anyone else goes to sign-in and comes back afterwards. Cached per
 * request, so the layout and the page read the session once.
 */
export const requireViewer = cache(async (): Promise<Viewer> => {
  const requestHeaders = await headers();
  const viewer = await viewerFrom(requestHeaders);
  if (!viewer) redirect(`/login?next=${encodeURIComponent(sameSitePath(requestHeaders.get("x-cadre-path")))}`);
  return viewer;
});
