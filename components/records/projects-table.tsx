"use client";

import { useLocale, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { ProjectRecord } from "@/lib/api";
import { formatAmountNumber } from "@/lib/format";
import { rowRegionName } from "@/lib/region-name";

/**
 * One row per project. Names of lead cadres come blank from the API outside the user's region
 * (`namesHidden`); the table says so instead of leaving the cells empty.
 */
export function ProjectsTable({ caption, rows }: { caption: string; rows: ProjectRecord[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const money = (v: number | null) => (v === null ? "—" : formatAmountNumber(locale, v));
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5";
  const hidden = <span className="text-muted italic">{t("projectList.namesHidden")}</span>;
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="projects-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className={th}>
              {t("projectList.code")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.name")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.regionColumn")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.industryChain")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.leadCadre")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.cadreUnit")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.takenOn")}
            </th>
            <th scope="col" className={th}>
              {t("projectList.stage")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("projectList.plannedInvestment")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("projectList.fundsInPlace")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} className="border-t border-line align-top">
              <td className={`${td} whitespace-nowrap tabular-nums text-muted`}>{row.code}</td>
              <th scope="row" className={`${td} min-w-48 text-left font-normal`}>
                {row.name}
              </th>
              <td className={`${td} whitespace-nowrap`}>{rowRegionName(row, locale)}</td>
              <td className={`${td} whitespace-nowrap`}>{row.industryChain ?? "—"}</td>
              <td className={`${td} whitespace-nowrap`} data-testid="lead-cadre">
                {row.namesHidden ? hidden : (row.leadCadre ?? "—")}
              </td>
              <td className={`${td} min-w-32`} data-testid="cadre-unit">
                {row.namesHidden ? hidden : (row.cadreUnit ?? "—")}
              </td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{row.takenOn}</td>
              <td className={`${td} whitespace-nowrap`}>
                {t.has(`stages.${row.stage}`) ? t(`stages.${row.stage}`) : row.stage}
              </td>
              <td className={`${td} text-right tabular-nums`}>{money(row.plannedInvestment)}</td>
              <td className={`${td} text-right tabular-nums`}>{money(row.fundsInPlace)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
