import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { availableYears } from "@/db/queries/overview";
import { getRegionPath } from "@/db/queries/regions";
import { canUpload, writeScope } from "@/lib/auth/permissions";
import { regionName } from "@/lib/region-name";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { FiguresClient } from "./client";

export const generateMetadata = () => pageMetadata("figures");

export const dynamic = "force-dynamic";

/**
 * 数据录入: one count at a time, for clerks (their region and below) and admins (anywhere).
 * Viewers get an explanation instead of a form; POST /api/figures refuses them regardless.
 */
export default async function FiguresPage() {
  const viewer = await requireViewer();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  if (!canUpload(viewer)) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg border border-line bg-surface p-6 text-center shadow-sm">
        <h1 className="text-xl font-semibold text-ink">{t("figureEntry.forbiddenTitle")}</h1>
        <p className="mt-2 text-sm text-muted">{t("figureEntry.forbiddenBody", { role: t(`roles.${viewer.role}`) })}</p>
        <Link href="/" className="mt-4 inline-block rounded-md bg-brand px-4 py-2 text-sm text-white">
          {t("figureEntry.backHome")}
        </Link>
      </div>
    );
  }
  const db = await getDb();
  const [home, years] = await Promise.all([getRegionPath(db, viewer.regionCode), availableYears(db)]);
  const homeRef = { code: viewer.regionCode, nameZh: home?.nameZh ?? viewer.regionCode, nameEn: home?.nameEn ?? null };
  const homeName = regionName(homeRef, locale);
  return (
    <FiguresClient
      home={homeRef}
      scope={writeScope(viewer) === "all" ? t("figureEntry.scopeAdmin") : t("figureEntry.scope", { region: homeName })}
      defaultYear={years[0] ?? new Date().getFullYear()}
    />
  );
}
