"use client";

import { useLocale, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { AuditRow } from "@/lib/api/admin";
import { rowRegionName } from "@/lib/region-name";
import { AuditDetail } from "./audit-detail";

export function AuditTable({ rows, empty }: { rows: AuditRow[]; empty: string }) {
  const t = useTranslations("audit");
  const locale = useLocale();
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 align-top";
  if (rows.length === 0) {
    return <p className="rounded-lg border border-line bg-surface p-6 text-center text-sm text-muted">{empty}</p>;
  }
  return (
    <ScrollBox className="rounded-lg border border-line bg-surface shadow-sm">
      <table className="w-full text-sm" data-testid="audit-table">
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className={th}>
              {t("table.at")}
            </th>
            <th scope="col" className={th}>
              {t("table.user")}
            </th>
            <th scope="col" className={th}>
              {t("table.action")}
            </th>
            <th scope="col" className={th}>
              {t("table.region")}
            </th>
            <th scope="col" className={th}>
              {t("table.ip")}
            </th>
            <th scope="col" className={th}>
              {t("table.detail")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-line" data-action={row.action}>
              <td className={`${td} whitespace-nowrap tabular-nums text-muted`}>{row.at}</td>
              <td className={`${td} whitespace-nowrap`}>
                {row.username ?? <span className="font-mono text-xs">{row.actor}</span>}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <span data-testid="audit-action">
                  {t.has(`actions.${row.action}`) ? t(`actions.${row.action}`) : row.action}
                </span>
                <span className="block font-mono text-[11px] text-muted">{row.action}</span>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {row.regionCode ? (
                  <>
                    {rowRegionName(row, locale) ?? row.regionCode}
                    {row.regionName && <span className="ml-1 text-xs text-muted tabular-nums">{row.regionCode}</span>}
                  </>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td className={`${td} whitespace-nowrap font-mono text-xs`}>
                {row.ip ?? <span className="text-muted">—</span>}
              </td>
              <td className={td}>
                <AuditDetail detail={row.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
