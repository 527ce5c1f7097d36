import { getLocale, getTranslations } from "next-intl/server";
import { regionName } from "@/lib/region-name";
import type { ViewNotice } from "@/lib/types";

/** Says that the link could not be followed as it stands, and what is shown instead. */
export async function ViewNoticeBanner({ notice }: { notice: ViewNotice | null }) {
  if (!notice) return null;
  const [t, locale] = await Promise.all([getTranslations("viewNotice"), getLocale()]);
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid="view-notice"
    >
      {notice.kind === "unknownRegion"
        ? t("unknownRegion", { code: notice.code, home: regionName(notice.home, locale) })
        : t("badParameters", { parameters: notice.parameters })}
    </p>
  );
}
