import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Principal } from "@/lib/auth/permissions";
import { LocaleSwitch } from "./locale-switch";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export type HeaderUser = { name: string; username: string; role: Principal["role"]; regionName: string };

/** `unread`: the user's unread notices (null: the user gets none, so no bell). */
export async function SiteHeader({ demo, unread, user }: { demo: boolean; unread: number | null; user: HeaderUser }) {
  const t = await getTranslations();
  return (
    <header className="print:bg-white print:text-ink" data-site-chrome>
      <div className="bg-brand text-white print:bg-white print:text-ink">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-wide">
            {t("app.title")}
          </Link>
          <span className="text-sm text-white/80 print:text-muted">{t("app.organisation")}</span>
          {demo && (
            <span
              className="rounded bg-amber-300 px-2 py-0.5 text-xs font-semibold text-amber-950"
              title={t("app.demoNote")}
              data-testid="demo-badge"
              data-demo-mark
            >
              {t("app.demo")}
            </span>
          )}
          <div className="ml-auto flex flex-wrap items-center gap-3 print:hidden">
            <p className="text-sm" data-testid="current-user" title={`${t("nav.signedInAs")} ${user.username}`}>
              <span className="sr-only">{t("nav.signedInAs")} </span>
              <span className="font-medium">{user.name}</span>
              <span className="text-white/80">
                {" · "}
                {t(`roles.${user.role}`)}
                {" · "}
                {user.regionName}
              </span>
            </p>
            {unread !== null && (
              <Link
                href="/notices"
                className="relative inline-flex min-h-6 items-center gap-1 rounded-md px-2 py-1 text-sm text-white hover:bg-white/10"
                aria-label={unread ? t("notices.bellUnread", { count: unread }) : t("notices.bell")}
                data-testid="notice-bell"
              >
                <svg
                  aria-hidden="true"
                  width="16"
                  height="16"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {t("notices.bell")}
                {unread > 0 && (
                  <span
                    className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-amber-950"
                    data-testid="notice-count"
                  >
                    {unread > 99 ? "99+" : unread}
                  </span>
                )}
              </Link>
            )}
            <Link href="/account" className="rounded-md px-2 py-1 text-sm text-white hover:bg-white/10">
              {t("nav.account")}
            </Link>
            <SignOutButton />
            <LocaleSwitch />
          </div>
        </div>
      </div>
      <div className="border-b border-line bg-surface print:hidden">
        <div className="mx-auto max-w-7xl px-4">
          <MainNav role={user.role} />
        </div>
      </div>
    </header>
  );
}
