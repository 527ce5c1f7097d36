import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getDb } from "@/db/client";
import { hasDemoData } from "@/db/queries/meta";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const demo = await hasDemoData(await getDb());
  const t = await getTranslations("app");
  return (
    <>
      <SiteHeader demo={demo} />
      {demo && (
        <p className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 print:border-none">
          {t("demoNote")}
        </p>
      )}
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-muted">{t("footer")}</footer>
    </>
  );
}
