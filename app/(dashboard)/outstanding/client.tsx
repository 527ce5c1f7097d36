"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LoadError } from "@/components/layout/load-error";
import { ScrollBox } from "@/components/layout/scroll-box";
import { downloadSheet, exportButton } from "@/components/rankings/export";
import { type OutstandingRow, outstandingQuery } from "@/lib/api/outstanding";
import type { Dataset } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import type { ExportTable } from "@/lib/spreadsheet";
import { type OutstandingFilters, outstandingHref } from "./search-params";

export type RegionChoice = { code: string; nameZh: string; nameEn: string | null; depth: number };

type Props = { filters: OutstandingFilters & { region: string }; choices: RegionChoice[] };

const selectClass = "min-w-0 max-w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";
/** The board's column order. */
const ORDER: Dataset[] = ["promotions", "adjustments", "arena", "projects", "indicators"];

/** Every report of a year not yet in, in the viewer's part of the tree, to chase by name. */
export function OutstandingClient({ filters, choices }: Props) {
  const t = useTranslations("outstanding");
  const locale = useLocale();
  const router = useRouter();
  const { data, error, refetch } = useQuery(outstandingQuery(filters));
  if (error) return <LoadError message={t("error", { message: error.message })} onRetry={() => refetch()} />;
  if (!data) return null;

  const go = (next: Partial<OutstandingFilters>) =>
    router.push(
      outstandingHref({ region: data.region.code, year: data.year, dataset: data.dataset ?? undefined, ...next }),
    );
  const name = regionName(data.region, locale);
  const regionLabel = (row: OutstandingRow) =>
    row.level === "prefecture" ? t("own", { name: regionName(row, locale) }) : regionName(row, locale);
  const parentLabel = (row: OutstandingRow) =>
    row.parentName ? regionName({ nameZh: row.parentName, nameEn: row.parentNameEn }, locale) : "";
  const quarterLabel = (row: OutstandingRow) => (row.quarter ? `Q${row.quarter}` : t("wholeYear"));
  const overdueLabel = (row: OutstandingRow) =>
    row.daysOverdue === null ? "" : row.daysOverdue > 0 ? t("overdueDays", { days: row.daysOverdue }) : t("notDue");
  const sheet = (): ExportTable => ({
    title: t("caption", { region: name, year: data.year }),
    columns: [
      ...[t("region"), t("parent"), t("dataset"), t("quarter"), t("state"), t("dueOn")].map((label) => ({
        label,
        kind: "text" as const,
      })),
      { label: t("overdue"), kind: "integer" },
    ],
    rows: data.rows.map((row) => [
      regionLabel(row),
      parentLabel(row),
      t(`datasets.${row.dataset}`),
      quarterLabel(row),
      t(`states.${row.state}`),
      row.dueOn ?? "",
      row.daysOverdue,
    ]),
  });
  const fileName = `${t("fileName")}-${name}-${data.year}${data.dataset ? `-${t(`datasets.${data.dataset}`)}` : ""}${
    data.quarter ? `-Q${data.quarter}` : ""
  }`;

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-ink">{t("heading", { region: name, year: data.year })}</h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </header>

      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="flex min-w-0 flex-col gap-0.5 text-xs text-muted">
          {t("filterRegion")}
          <select
            className={selectClass}
            value={data.region.code}
            onChange={(e) => go({ region: e.target.value, quarter: undefined })}
            data-testid="outstanding-region"
          >
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {"\u3000".repeat(c.depth)}
                {regionName(c, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-muted">
          {t("year")}
          <select className={selectClass} value={data.year} onChange={(e) => go({ year: Number(e.target.value) })}>
            {(data.years.includes(data.year) ? data.years : [data.year, ...data.years]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-muted">
          {t("dataset")}
          <select
            className={selectClass}
            value={data.dataset ?? ""}
            onChange={(e) => go({ dataset: (e.target.value || undefined) as Dataset | undefined, quarter: undefined })}
            data-testid="outstanding-dataset"
          >
            <option value="">{t("allDatasets")}</option>
            {ORDER.map((d) => (
              <option key={d} value={d}>
                {t(`datasets.${d}`)}
              </option>
            ))}
          </select>
        </label>
        {data.quarter && (
          <button
            type="button"
            className="rounded border border-line px-2 py-1 text-xs text-muted hover:bg-page"
            onClick={() => go({ quarter: undefined })}
          >
            Q{data.quarter} ✕<span className="sr-only">{t("clearQuarter")}</span>
          </button>
        )}
      </form>

      <div className="flex flex-wrap items-baseline gap-3">
        <p className="text-sm text-ink" data-testid="outstanding-count">
          {data.rows.length ? t("count", { count: data.rows.length }) : t("none", { year: data.year })}
        </p>
        <div className="ml-auto flex gap-1.5">
          {(["csv", "xlsx"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={exportButton}
              disabled={data.rows.length === 0}
              onClick={() => void downloadSheet(kind, fileName, sheet(), locale)}
            >
              {kind.toUpperCase()}
            </button>
          ))}
        </div>
      </div>

      {data.rows.length > 0 && (
        <ScrollBox
          label={t("caption", { region: name, year: data.year })}
          className="rounded-lg border border-line bg-surface"
        >
          <table className="w-full text-sm" data-testid="outstanding-table">
            <caption className="sr-only">{t("caption", { region: name, year: data.year })}</caption>
            <thead className="bg-page text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("region")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("parent")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("dataset")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("quarter")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("state")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("dueOn")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("overdue")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={`${row.code}-${row.dataset}-${row.quarter}`} className="border-t border-line">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                    {regionLabel(row)}
                  </th>
                  <td className="px-3 py-1.5 whitespace-nowrap text-muted">{parentLabel(row)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{t(`datasets.${row.dataset}`)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{quarterLabel(row)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap" data-state={row.state}>
                    {t(`states.${row.state}`)}
                  </td>
                  <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{row.dueOn ?? "—"}</td>
                  <td
                    className="px-3 py-1.5 whitespace-nowrap data-overdue:text-red-700"
                    data-overdue={row.daysOverdue ? "" : undefined}
                  >
                    {overdueLabel(row) || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
