"use client";

import { useTranslations } from "next-intl";

/** Opens the browser's print dialog; the print style sheet turns the view into an A4 report. */
export function PrintButton({ label }: { label?: string }) {
  const t = useTranslations("dashCommon");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      title={t("printHint")}
      className="inline-flex items-center gap-1.5 rounded-md border border-line bg-surface px-3 py-1 text-sm text-ink hover:bg-page print:hidden"
      data-testid="print-button"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      >
        <path d="M4 6V1.5h8V6M4 12H2.5A1 1 0 0 1 1.5 11V7a1 1 0 0 1 1-1h11a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H12" />
        <path d="M4 9.5h8v5H4z" />
      </svg>
      {label ?? t("print")}
    </button>
  );
}
