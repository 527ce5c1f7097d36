"use client";

import { useTranslations } from "next-intl";

/** Never shows the error itself: details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold text-ink">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("body")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand px-4 py-2 text-sm text-white">
        {t("retry")}
      </button>
    </main>
  );
}
