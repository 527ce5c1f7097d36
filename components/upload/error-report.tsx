"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ImportError, ImportWarning } from "@/lib/api/uploads";

/** Row and cell problems of a refused file, in the order the file has them. */
export function ErrorReport({
  errors,
  errorCount,
  warnings,
  committing,
}: {
  errors: ImportError[];
  errorCount: number;
  warnings: ImportWarning[];
  /** The file passed the preview but was refused at commit (the data changed meanwhile, or the file did). */
  committing: boolean;
}) {
  const t = useTranslations("upload.errors");
  const format = useFormatter();
  const count = Math.max(errorCount, errors.length);
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 align-top";
  return (
    <section aria-labelledby="upload-errors-title" className="space-y-3" data-testid="upload-errors">
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
        <h3 id="upload-errors-title" className="font-semibold">
          {t(committing ? "commitTitle" : "title")}
        </h3>
        <p className="mt-1" data-testid="error-count">
          {count > errors.length
            ? t("countListed", { count: format.number(count), listed: format.number(errors.length) })
            : t("count", { count })}
        </p>
        <p>{t("intro")}</p>
      </div>
      {errors.length > 0 && (
        <div className="max-h-[28rem] overflow-auto rounded-lg border border-line bg-surface">
          <table className="w-full text-sm" data-testid="error-table">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="sticky top-0 bg-page text-muted">
              <tr>
                <th scope="col" className={th}>
                  {t("row")}
                </th>
                <th scope="col" className={th}>
                  {t("column")}
                </th>
                <th scope="col" className={th}>
                  {t("value")}
                </th>
                <th scope="col" className={th}>
                  {t("message")}
                </th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error, index) => (
                // Several problems may share a row and column; the position in the list tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
                <tr key={index} className="border-t border-line">
                  <th scope="row" className={`${td} whitespace-nowrap text-left font-normal tabular-nums`}>
                    {error.row > 0 ? t("rowNumber", { row: error.row }) : t("wholeFile")}
                  </th>
                  <td className={`${td} whitespace-nowrap`}>{error.column || t("none")}</td>
                  <td className={`${td} min-w-28 max-w-60 break-all whitespace-pre-wrap`}>
                    {error.value || t("none")}
                  </td>
                  <td className={`${td} min-w-64`}>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Warnings warnings={warnings} />
    </section>
  );
}

/** Notes that do not stop the import, such as a skipped 合计 row. */
export function Warnings({ warnings }: { warnings: ImportWarning[] }) {
  const t = useTranslations("upload.warnings");
  if (warnings.length === 0) return null;
  return (
    <div
      className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="warnings"
    >
      <h3 className="font-medium">{t("title")}</h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {warnings.map((warning, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
          <li key={index}>
            {warning.row > 0 && t("row", { row: warning.row })}
            {warning.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
