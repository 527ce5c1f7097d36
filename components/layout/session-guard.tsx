"use client";

import { useEffect } from "react";

/**
 * A page the browser restores from its back-forward cache, or a history entry the client router
 * shows again, was rendered for a session that may have ended since (signed out here or in
 * another tab). Such a page is hidden at once and shown again only if the session still holds;
 * without one the tab goes to sign-in, and what the page held is never shown.
 */
export function SessionGuard() {
  useEffect(() => {
    const root = document.documentElement;
    async function check(hideFirst: boolean) {
      if (hideFirst) root.style.visibility = "hidden";
      const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin" }).catch(() => null);
      if (response?.status === 401) {
        root.style.visibility = "hidden";
        window.location.replace("/login");
        return;
      }
      root.style.visibility = "";
    }
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void check(true);
    };
    const onPopState = () => void check(false);
    window.addEventListener("pageshow", onPageShow);
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("pageshow", onPageShow);
      window.removeEventListener("popstate", onPopState);
    };
  }, []);
  return null;
}
