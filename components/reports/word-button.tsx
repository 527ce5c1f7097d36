"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { downloadFile } from "@/components/charts/download";
import type { ReportDocument } from "@/lib/report/text";

/**
 * 下载 Word: the report as .docx, with each section's chart as drawn on the page. The Word
 * library and the DOM-to-image library load on the first click, not with the page.
 */
export function WordButton({ doc, fileName }: { doc: ReportDocument; fileName: string }) {
  const t = useTranslations("reports.form");
  const locale = useLocale();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const build = async () => {
    setState({ busy: true });
    try {
      const [{ reportToDocx }, { chartImages }] = await Promise.all([
        import("@/lib/report/docx"),
        import("./chart-images"),
      ]);
      const images = await chartImages(document.querySelectorAll<HTMLElement>("[data-report-chart]"));
      const data = await reportToDocx(doc, { locale, images });
      downloadFile(
        `${fileName}.docx`,
        new Blob([data], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }),
      );
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={build}
        disabled={state.busy}
        className="inline-flex min-h-8 items-center rounded-md bg-brand px-3 py-1 text-sm font-medium text-white hover:opacity-90 disabled:opacity-60"
        data-testid="report-word"
      >
        {state.busy ? t("building") : t("word")}
      </button>
      {state.error && (
        <p role="alert" className="text-sm text-red-700">
          {t("failed", { message: state.error })}
        </p>
      )}
    </>
  );
}
