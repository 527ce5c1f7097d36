"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { PersonnelList } from "@/lib/api/evaluations";
import { Pagination } from "./pagination";

export type PersonnelColumn<R> = {
  label: string;
  cell: (row: R) => ReactNode;
  align?: "right";
  /** The row's header cell (the name). */
  rowHeader?: boolean;
  className?: string;
};

type Props<R> = {
  heading: string;
  list: PersonnelList<R> | undefined;
  columns: PersonnelColumn<R>[];
  rowKey: (row: R) => string;
  hrefOf: (page: number) => string;
  testId: string;
};

/**
 * A named list of personnel evaluations, one page as the server sent it. The server lists only
 * the records the viewer may see by name; the others are counted, and the box says why they are
 * missing (no personnel permission, or outside the home region) rather than showing blank rows.
 */
export function PersonnelTable<R>({ heading, list, columns, rowKey, hrefOf, testId }: Props<R>) {
  const t = useTranslations("personnel");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  return (
    <section className="space-y-2" data-testid={testId} aria-labelledby={`${testId}-heading`}>
      <h2 id={`${testId}-heading`} className="text-lg font-semibold text-ink">
        {heading}
      </h2>
      {!list ? (
        <p className="text-sm text-muted">{t("loading")}</p>
      ) : (
        <>
          {list.hidden > 0 && (
            <p
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
              data-testid="names-hidden"
              data-reason={list.hiddenReason}
            >
              {list.hiddenReason === "permission"
                ? t("hiddenPermission", { count: n(list.hidden) })
                : t("hiddenScope", { count: n(list.hidden) })}
            </p>
          )}
          {list.rows.length === 0 ? (
            list.hidden === 0 && <p className="text-sm text-muted">{t("empty")}</p>
          ) : (
            <>
              <p className="text-xs text-muted">
                {t("audited")}{" "}
                {t("shown", {
                  total: n(list.total),
                  from: n((list.page - 1) * list.pageSize + 1),
                  to: n((list.page - 1) * list.pageSize + list.rows.length),
                })}
              </p>
              <ScrollBox label={heading} className="rounded-lg border border-line bg-surface">
                <table className="w-full text-sm" data-testid={`${testId}-table`}>
                  <caption className="sr-only">{heading}</caption>
                  <thead className="bg-page text-muted">
                    <tr>
                      {columns.map((c) => (
                        <th
                          key={c.label}
                          scope="col"
                          className={`px-2 py-2 font-medium whitespace-nowrap ${c.align === "right" ? "text-right" : "text-left"}`}
                        >
                          {c.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((row) => (
                      <tr key={rowKey(row)} className="border-t border-line align-top">
                        {columns.map((c) => {
                          const className = `px-2 py-1.5 ${c.className ?? ""} ${c.align === "right" ? "text-right tabular-nums" : ""}`;
                          return c.rowHeader ? (
                            <th key={c.label} scope="row" className={`${className} text-left font-normal`}>
                              {c.cell(row)}
                            </th>
                          ) : (
                            <td key={c.label} className={className}>
                              {c.cell(row)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              <Pagination page={list.page} pages={pages} hrefOf={hrefOf} />
            </>
          )}
        </>
      )}
    </section>
  );
}
