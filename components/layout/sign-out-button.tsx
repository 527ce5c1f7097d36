"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function SignOutButton() {
  const t = useTranslations("nav");
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setPending(true);
    setFailed(false);
    const response = await fetch("/api/auth/sign-out", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    setPending(false);
    // Still signed in: going to /login would only bounce back here, so say so instead.
    if (!response?.ok) return setFailed(true);
    // Nothing read as this user may stay in the tab: not in the query cache, not in the client
    // router's cache, not as a history entry to go back to. A full document load that replaces
    // this page's entry (a client-side push would leave the page one Back away).
    queryClient.clear();
    window.location.replace("/login");
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="rounded-md px-2 py-1 text-sm text-white hover:bg-white/10 disabled:opacity-60"
    >
      {pending ? t("signingOut") : failed ? t("signOutFailed") : t("signOut")}
    </button>
  );
}
