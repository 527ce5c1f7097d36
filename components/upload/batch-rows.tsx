"use client";

import { useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { BatchRow } from "@/lib/api/uploads";
import { useFormatKey, useFormatValue, type ValueContext, ValueList, valueColumns } from "./values";

/**
 * The rows a batch wrote. A batch keeps what each changed row held before; what it holds now is
 * read from the table, so after a later change or an undo "now" differs from what was uploaded,
 * and a row the batch added is gone once the batch is undone.
 */
export function BatchRows({ rows, context }: { rows: BatchRow[]; context: ValueContext }) {
  const t = useTranslations("upload.batch");
  const formatValue = useFormatValue(context);
  const formatKey = useFormatKey(context);
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 align-top";
  const muted = (text: string) => <span className="text-muted italic">{text}</span>;

  const cells = (row: BatchRow) => {
    const { before, current } = row;
    if (row.op === "insert" || !before) {
      const items = current
        ? valueColumns(context.layout, current).map((c) => ({
            label: c.label,
            value: formatValue(c.db, current[c.db]),
          }))
        : null;
      return {
        before: muted(formatValue("", null)),
        current: items ? <ValueList items={items} /> : muted(t("deleted")),
      };
    }
    const columns = valueColumns(context.layout, before);
    const differs = columns.filter((c) => current && String(before[c.db] ?? "") !== String(current[c.db] ?? ""));
    // Nothing differs once the batch is undone (or a later upload put the old value back).
    const shown = differs.length > 0 ? differs : columns;
    const list = (values: Record<string, unknown>) => (
      <ValueList items={shown.map((c) => ({ label: c.label, value: formatValue(c.db, values[c.db]) }))} />
    );
    return {
      before: list(before),
      current: !current ? (
        muted(t("deleted"))
      ) : differs.length === 0 ? (
        <>
          {list(current)}
          <span className="text-xs text-muted">{t("same")}</span>
        </>
      ) : (
        list(current)
      ),
    };
  };

  return (
    <ScrollBox className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="batch-rows">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className={th}>
              {t("op")}
            </th>
            <th scope="col" className={th}>
              {t("key")}
            </th>
            <th scope="col" className={th}>
              {t("before")}
            </th>
            <th scope="col" className={th}>
              {t("current")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const { before, current } = cells(row);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows come in the batch's order and are never reordered
              <tr key={index} className="border-t border-line">
                <td className={`${td} whitespace-nowrap`}>
                  <span
                    className={`rounded px-1.5 py-0.5 text-xs ${
                      row.op === "insert" ? "bg-emerald-50 text-emerald-800" : "bg-sky-50 text-sky-800"
                    }`}
                  >
                    {t(`ops.${row.op}`)}
                  </span>
                </td>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {row.current ? formatKey.ofRow(row.current) : muted(t("deleted"))}
                </th>
                <td className={td}>{before}</td>
                <td className={td}>{current}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
