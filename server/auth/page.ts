import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isDisplay, type Viewer } from "@/lib/auth/permissions";
import { sameSitePath } from "@/lib/next-path";
import { viewerFrom } from "@/server/auth/viewer";

/**
 * The signed-in user of a page; anyone else goes to sign-in and comes back afterwards. Cached per
 * request, so the layout and the page read the session once.
 */
const signedIn = cache(async (): Promise<Viewer> => {
  const requestHeaders = await headers();
  const viewer = await viewerFrom(requestHeaders);
  if (!viewer) redirect(`/login?next=${encodeURIComponent(sameSitePath(requestHeaders.get("x-cadre-path")))}`);
  return viewer;
});

/**
 * The signed-in user of every page but the wall screen's. A display account is sent to /screen
 * from here, the one place pages read the session, so that no page has to remember it.
 */
export const requireViewer = cache(async (): Promise<Viewer> => {
  const viewer = await signedIn();
  if (isDisplay(viewer)) redirect("/screen");
  return viewer;
});

/** The signed-in user of /screen: any account, a display account included. */
export const requireScreenViewer = signedIn;
