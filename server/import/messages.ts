import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import en from "@/messages/en/import.json";
import zh from "@/messages/zh-CN/import.json";

/** Messages of the import, written for a clerk, in the clerk's language. */
export function importTranslator(locale: Locale) {
  const t = createTranslator({ locale, messages: locale === "en" ? en : zh, namespace: "import" });
  return (key: string, values: Record<string, string | number> = {}) =>
    t.has(key as never) ? t(key as never, values as never) : key;
}
