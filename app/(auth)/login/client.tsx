"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { InputField, Notice, SubmitButton } from "@/components/forms/fields";

/**
 * Posts to better-auth's username route, the same one scripts use. A full page load afterwards
 * (not a client-side push) so no data cached for an earlier user survives in this tab.
 */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) return setError(t("required"));
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/username", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ username, password }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      const body = await response.json().catch(() => ({}));
      if (response.status === 401) setError(t("wrongCredentials"));
      // 403 is a disabled account, unless the library refused the request's origin.
      else if (response.status === 403 && !/ORIGIN/.test(body?.code ?? "")) setError(t("disabled"));
      // 429 names the time to retry, in the caller's language.
      else setError(body?.message || t("failed", { message: response.statusText }));
    } catch {
      setError(t("network"));
    }
    setPending(false);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="login-heading"
      className="w-full max-w-sm space-y-4 rounded-lg border border-line bg-surface p-6 shadow-sm"
    >
      <div className="space-y-1">
        <h1 id="login-heading" className="text-xl font-semibold text-ink">
          {t("heading")}
        </h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      <InputField
        label={t("username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <InputField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {error && <Notice tone="error">{error}</Notice>}
      <SubmitButton pending={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </SubmitButton>
    </form>
  );
}
