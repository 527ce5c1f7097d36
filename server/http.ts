import { NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { LOCALE_COOKIE, type Locale, toLocale } from "@/i18n/config";
import en from "@/messages/en/core.json";
import enImport from "@/messages/en/import.json";
import enPeriods from "@/messages/en/periods.json";
import zh from "@/messages/zh-CN/core.json";
import zhImport from "@/messages/zh-CN/import.json";
import zhPeriods from "@/messages/zh-CN/periods.json";

/** The caller's language, from the same cookie the pages use. */
export function localeOf(headers: Headers | undefined): Locale {
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(headers?.get("cookie") ?? "");
  return toLocale(match?.[1]);
}

/**
 * API messages are written for a person, in their language. A key is looked up under
 * `apiErrors`, or else as a full path (such as `import.api.changedSince`, `periods.api.notDue`).
 */
export function apiMessage(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const messages = locale === "en" ? { ...en, ...enImport, ...enPeriods } : { ...zh, ...zhImport, ...zhPeriods };
  const t = createTranslator({ locale, messages });
  for (const path of [`apiErrors.${key}`, key]) {
    if (t.has(path as never)) return t(path as never, values as never);
  }
  return key;
}

export function jsonError(request: Request, status: number, key: string, values?: Record<string, string | number>) {
  return NextResponse.json({ message: apiMessage(localeOf(request.headers), key, values) }, { status });
}

/** A person's mistake in the request: 400 with every problem listed. */
export function badRequest(request: Request, error: z.ZodError) {
  const locale = localeOf(request.headers);
  const errors = error.issues.map((i) => ({
    param: i.path.join("."),
    message: apiMessage(locale, i.message, { param: i.path.join(".") }),
  }));
  return NextResponse.json({ message: errors.map((e) => e.message).join(" "), errors }, { status: 400 });
}
