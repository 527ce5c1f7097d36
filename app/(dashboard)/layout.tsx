import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SessionGuard } from "@/components/layout/session-guard";
import { SiteHeader } from "@/components/layout/site-header";
import { getDb } from "@/db/client";
import { dataAsOf, hasDemoData } from "@/db/queries/meta";
import { unreadCount } from "@/db/queries/notices";
import { getRegionPath } from "@/db/queries/regions";
import { canReceiveNotices } from "@/lib/auth/permissions";
import { regionName } from "@/lib/region-name";
import { requireViewer } from "@/server/auth/page";

/**
 * Every dashboard page needs a signed-in user. The pages check again themselves: a layout is not
 * re-rendered on client-side navigation, so it cannot be the only gate.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const [demo, asOf, home, locale, t, format, unread] = await Promise.all([
    hasDemoData(db),
    dataAsOf(db),
    getRegionPath(db, viewer.regionCode),
    getLocale(),
    getTranslations("app"),
    getFormatter(),
    canReceiveNotices(viewer) ? unreadCount(db, viewer) : null,
  ]);
  return (
    <>
      <SessionGuard />
      <SiteHeader
        demo={demo}
        unread={unread}
        user={{
          name: viewer.name,
          username: viewer.username,
          role: viewer.role,
          regionName: home ? regionName(home, locale) : viewer.regionCode,
        }}
      />
      {demo && (
        <p
          className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 print:border-none"
          data-site-chrome
        >
          {t("demoNote")}
        </p>
      )}
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-7xl space-y-1 px-4 pb-8 text-xs text-muted" data-site-chrome>
        {asOf && (
          // Exports and reports read this mark, so that a picture or a table says how fresh it is.
          <p data-as-of={asOf.toISOString()}>
            {t("asOf", {
              at: format.dateTime(asOf, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        )}
        <p>{t("footer")}</p>
      </footer>
    </>
  );
}
