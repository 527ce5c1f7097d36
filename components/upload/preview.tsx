"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import type { ImportReport } from "@/lib/api/uploads";
import { Warnings } from "./error-report";
import { useFormatKey, useFormatValue, type ValueContext, ValueList, valueColumns } from "./values";

/** What a preview shows of a report: an upload's dry run, or a submission under review. */
export type PreviewReport = Pick<
  ImportReport,
  "fileName" | "rows" | "inserted" | "updated" | "unchanged" | "skipped" | "warnings" | "preview"
>;

/** The counts of a report: how many rows the commit adds, changes, leaves and skips. */
export function ReportCounts({ report }: { report: PreviewReport }) {
  const t = useTranslations("upload.preview");
  const format = useFormatter();
  const items = [
    { key: "rows", value: report.rows, tone: "text-ink" },
    { key: "inserted", value: report.inserted, tone: "text-emerald-800" },
    { key: "updated", value: report.updated, tone: "text-sky-800" },
    { key: "unchanged", value: report.unchanged, tone: "text-muted" },
    { key: "skipped", value: report.skipped, tone: "text-amber-800" },
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map((item) => (
        <div key={item.key} className="rounded-md border border-line bg-surface px-3 py-2">
          <dt className="text-xs text-muted">{t(item.key)}</dt>
          <dd className={`text-2xl font-semibold tabular-nums ${item.tone}`} data-testid={`count-${item.key}`}>
            {format.number(item.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A dry run's report (or a submission's changes): counts, notes, and a sample of the changes with
 * before → after. `heading` and `intro` replace the dry run's own words.
 */
export function Preview({
  report,
  context,
  heading,
  intro,
}: {
  report: PreviewReport;
  context: ValueContext;
  heading?: string;
  intro?: string;
}) {
  const t = useTranslations("upload.preview");
  const formatValue = useFormatValue(context);
  const formatKey = useFormatKey(context);
  const headingId = useId();
  const changes = report.inserted + report.updated;
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 align-top";

  const changesOf = (before: Record<string, unknown> | null, after: Record<string, unknown>) =>
    valueColumns(context.layout, after)
      // An update lists only what changes; a new row everything it brings.
      .filter((c) => before === null || String(before[c.db] ?? "") !== String(after[c.db] ?? ""))
      .map((c) => ({
        label: c.label,
        value:
          before === null
            ? formatValue(c.db, after[c.db])
            : `${formatValue(c.db, before[c.db])} → ${formatValue(c.db, after[c.db])}`,
      }));

  return (
    <section aria-labelledby={headingId} className="space-y-4" data-testid="upload-preview">
      <div className="space-y-1">
        <h3 id={headingId} className="text-base font-semibold text-ink">
          {heading ?? t("title")}
        </h3>
        <p className="text-sm text-muted">
          {t("file", { name: report.fileName })} · {intro ?? t("intro")}
        </p>
      </div>
      <ReportCounts report={report} />
      <Warnings warnings={report.warnings} />
      {report.preview.length > 0 && (
        <div className="space-y-2">
          <h4 className="text-sm font-medium text-ink">{t("changes")}</h4>
          {changes > report.preview.length && (
            <p className="text-xs text-muted">{t("sample", { shown: report.preview.length, total: changes })}</p>
          )}
          <div className="max-h-[28rem] overflow-auto rounded-lg border border-line bg-surface">
            <table className="w-full text-sm" data-testid="preview-table">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="sticky top-0 bg-page text-muted">
                <tr>
                  <th scope="col" className={th}>
                    {t("row")}
                  </th>
                  <th scope="col" className={th}>
                    {t("key")}
                  </th>
                  <th scope="col" className={`${th} w-1/2`}>
                    {t("change")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.preview.map((change) => (
                  <tr key={change.row} className="border-t border-line">
                    <td className={`${td} whitespace-nowrap tabular-nums text-muted`}>{change.row}</td>
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {formatKey.ofPreview(change.key)}
                      {change.before === null && (
                        <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">
                          {t("new")}
                        </span>
                      )}
                      {change.before !== null &&
                        "region_code" in change.before &&
                        change.before.region_code !== change.after.region_code && (
                          <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">
                            {t("moved")}
                          </span>
                        )}
                    </th>
                    <td className={td}>
                      <ValueList items={changesOf(change.before, change.after)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
