"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/app/actions/locale";

export function LocaleSwitch() {
  const t = useTranslations("app");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-label={t("switchLanguageLabel")}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setLocale(locale === "en" ? "zh-CN" : "en");
          router.refresh();
        })
      }
      className="rounded-md border border-white/40 px-3 py-1 text-sm text-white hover:bg-white/10 disabled:opacity-60"
    >
      {t("switchLanguage")}
    </button>
  );
}
