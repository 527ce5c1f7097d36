"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { InputField, Notice, SubmitButton } from "@/components/forms/fields";
import type { HeaderUser } from "@/components/layout/site-header";
import { ApiError, sendJson } from "@/lib/api/client";
import { passwordSchema } from "@/lib/schemas";

type Outcome = { tone: "error" | "success"; text: string } | null;

export function AccountClient({ account }: { account: HeaderUser }) {
  const t = useTranslations();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const error = (text: string) => setOutcome({ tone: "error", text });
    const checked = passwordSchema.safeParse(newPassword);
    if (!checked.success) return error(t(`apiErrors.${checked.error.issues[0].message}`));
    if (newPassword !== data.get("repeatPassword")) return error(t("account.mismatch"));
    if (newPassword === currentPassword) return error(t("account.sameAsCurrent"));

    setPending(true);
    setOutcome(null);
    try {
      // Other sessions end; this one is replaced by a fresh session cookie in the answer.
      await sendJson("/api/auth/change-password", { currentPassword, newPassword, revokeOtherSessions: true });
      form.reset();
      setOutcome({ tone: "success", text: t("account.saved") });
    } catch (e) {
      const wrong = e instanceof ApiError && e.code === "INVALID_PASSWORD";
      error(wrong ? t("account.wrongCurrent") : t("account.failed", { message: (e as Error).message }));
    }
    setPending(false);
  }

  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold text-ink">{t("account.heading")}</h1>

      <section aria-labelledby="profile-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
          {t("account.profile")}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">{t("account.username")}</dt>
          <dd>{account.username}</dd>
          <dt className="text-muted">{t("account.name")}</dt>
          <dd>{account.name}</dd>
          <dt className="text-muted">{t("account.role")}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
          <dt className="text-muted">{t("account.region")}</dt>
          <dd>{account.regionName}</dd>
        </dl>
      </section>

      <form
        onSubmit={submit}
        noValidate
        aria-labelledby="password-heading"
        className="space-y-4 rounded-lg border border-line bg-surface p-5 shadow-sm"
      >
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("account.changePassword")}
        </h2>
        <InputField
          label={t("account.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <InputField
          label={t("account.newPassword")}
          hint={t("account.passwordHint")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={8}
          maxLength={128}
          required
        />
        <InputField
          label={t("account.repeatPassword")}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
        <SubmitButton pending={pending}>{pending ? t("account.submitting") : t("account.submit")}</SubmitButton>
      </form>
    </div>
  );
}
