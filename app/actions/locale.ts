"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/i18n/config";

const input = z.enum(locales);

/** Remembers the chosen language for a year; the page URL stays the same in both languages. */
export async function setLocale(locale: string) {
  const parsed = input.safeParse(locale);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => i.message), message: "unknown language" };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return { errors: [], message: "ok" };
}
