"use client";

import { useTranslations } from "next-intl";

/** A load that failed, with the page's own words for what failed, and a way to try again. */
export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("dashCommon");
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      {message}{" "}
      <button type="button" onClick={onRetry} className="font-medium underline">
        {t("retry")}
      </button>
    </div>
  );
}
