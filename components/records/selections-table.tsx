"use client";

import { useLocale, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { SelectionRecord } from "@/lib/api/selections";
import { rowRegionName } from "@/lib/region-name";

/**
 * One page of selected teams and cadres. A cadre's name and unit come blank from the API outside
 * the user's name scope (`namesHidden`); the table says so instead of leaving the cells empty.
 */
export function SelectionsTable({ caption, rows }: { caption: string; rows: SelectionRecord[] }) {
  const t = useTranslations("selectionsPage");
  const locale = useLocale();
  const hidden = <span className="text-muted italic">{t("namesHidden")}</span>;
  const category = (c: SelectionRecord["category"]) => (c === "干事创业好班子" ? t("teams") : t("cadres"));
  const th = "px-2 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-2 py-1.5";
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="selections-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className={th}>
              {t("name")}
            </th>
            <th scope="col" className={th}>
              {t("category")}
            </th>
            <th scope="col" className={th}>
              {t("region")}
            </th>
            <th scope="col" className={th}>
              {t("unit")}
            </th>
            <th scope="col" className={th}>
              {t("year")}
            </th>
            <th scope="col" className={th}>
              {t("summary")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-line align-top">
              <th scope="row" className={`${td} min-w-40 text-left font-normal`} data-testid="selection-name">
                {row.namesHidden ? hidden : row.name}
              </th>
              <td className={`${td} whitespace-nowrap`}>{category(row.category)}</td>
              <td className={`${td} whitespace-nowrap`}>{rowRegionName(row, locale)}</td>
              <td className={`${td} min-w-32`}>{row.namesHidden ? hidden : (row.unit ?? "—")}</td>
              <td className={`${td} tabular-nums`}>{row.year}</td>
              <td className={`${td} min-w-48 text-muted`}>{row.summary ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
