import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { sameSitePath } from "@/lib/next-path";
import { viewerFrom } from "@/server/auth/viewer";
import { pageMetadata } from "@/server/dashboard-page";
import { LoginForm } from "./client";

export const generateMetadata = () => pageMetadata("login");

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Sign-in, outside the dashboard: the one page (with the health check) open to everyone. */
export default async function LoginPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = sameSitePath(Array.isArray(raw) ? raw[0] : raw);
  if (await viewerFrom(await headers())) redirect(next);
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3">
          <span className="text-lg font-semibold tracking-wide">{t("title")}</span>
          <span className="text-sm text-white/80">{t("organisation")}</span>
          <div className="ml-auto">
            <LocaleSwitch />
          </div>
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 py-16">
        <LoginForm next={next} />
      </main>
    </div>
  );
}
