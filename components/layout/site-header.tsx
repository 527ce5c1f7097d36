import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "./locale-switch";

export async function SiteHeader({ demo }: { demo: boolean }) {
  const t = await getTranslations("app");
  return (
    <header className="bg-brand text-white print:bg-white print:text-ink">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {t("title")}
        </Link>
        <span className="text-sm text-white/80 print:text-muted">{t("organisation")}</span>
        {demo && (
          <span
            className="rounded bg-amber-300 px-2 py-0.5 text-xs font-semibold text-amber-950"
            title={t("demoNote")}
            data-testid="demo-badge"
          >
            {t("demo")}
          </span>
        )}
        <div className="ml-auto print:hidden">
          <LocaleSwitch />
        </div>
      </div>
    </header>
  );
}
