"use client";

import { useQuery } from "@tanstack/react-query";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DashboardError } from "@/components/dashboards/shell";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { ScrollBox } from "@/components/layout/scroll-box";
import { type PlaceList, type PlaceRow, placesQuery } from "@/lib/api/places";
import { profileHref } from "@/lib/api/profile";
import { arenaLevels, organisationTypes } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import type { Period } from "@/lib/view";

type Props = { region: string; period?: Period };

/**
 * Below the banner: its townships (or a township's villages) with their arena entries and Party
 * organisations, sortable by each column, each township a link to its own page. The 未注明 line and the
 * total stay at the foot whatever the order, so that the lines visibly add up to the total.
 */
export function PlacesPanel({ region, period }: Props) {
  const t = useTranslations("places");
  const tl = useTranslations("levels");
  const { data, error, refetch } = useQuery(placesQuery({ region, period }));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data || data.kind === "none") return null;
  return <PlacesTable data={data} t={t} tl={tl} />;
}

function PlacesTable({
  data,
  t,
  tl,
}: {
  data: PlaceList;
  t: ReturnType<typeof useTranslations<"places">>;
  tl: ReturnType<typeof useTranslations<"levels">>;
}) {
  const locale = useLocale();
  const format = useFormatter();
  const periodLabel = usePeriodLabel();
  const [sorting, setSorting] = useState<SortingState>([]);
  const n = (v: number) => format.number(v);
  const villages = data.kind === "villages";
  const name = regionName(data.region, locale);
  const title = villages ? t("titleVillages") : t("titleTownships");
  const when = data.period ? periodLabel(data.period) : t("allYears");
  const caption = t("caption", { region: name, title, period: when });
  const levelsTitle = (row: Pick<PlaceRow, "arena">) =>
    arenaLevels
      .filter((l) => row.arena.byLevel[l] > 0)
      .map((l) => `${tl(l)} ${row.arena.byLevel[l]}`)
      .join("，");
  const types = (row: Pick<PlaceRow, "organisations">) =>
    organisationTypes.map((k) => n(row.organisations.byType[k])).join(" / ");

  const columns: ColumnDef<PlaceRow>[] = [
    {
      id: "place",
      header: villages ? t("columns.village") : t("columns.township"),
      accessorFn: (r) => r.code,
      cell: ({ row }) =>
        row.original.drillable && row.original.code ? (
          <Link
            href={profileHref(row.original.code, data.period ?? undefined)}
            className="text-sky-800 hover:underline"
          >
            {row.original.nameZh}
          </Link>
        ) : (
          row.original.nameZh
        ),
    },
    {
      id: "arena",
      header: t("columns.arena"),
      accessorFn: (r) => r.arena.entries,
      cell: ({ row }) => <span title={levelsTitle(row.original)}>{n(row.original.arena.entries)}</span>,
    },
    {
      id: "organisations",
      header: t("columns.organisations"),
      accessorFn: (r) => r.organisations.count,
      cell: ({ row }) => n(row.original.organisations.count),
    },
    {
      id: "types",
      header: t("columns.types"),
      accessorFn: (r) =>
        r.organisations.byType.党委 * 1e6 + r.organisations.byType.党总支 * 1e3 + r.organisations.byType.党支部,
      cell: ({ row }) => types(row.original),
    },
    {
      id: "members",
      header: t("columns.members"),
      accessorFn: (r) => r.organisations.members,
      cell: ({ row }) => n(row.original.organisations.members),
    },
  ];
  // Stable between renders: the table resets its state when its data changes, and a sort would loop.
  const places = useMemo(() => data.rows.filter((r) => r.code !== null), [data.rows]);
  const unmarked = data.rows.find((r) => r.code === null);
  const table = useReactTable({
    data: places,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const td = "px-3 py-1.5 text-right tabular-nums whitespace-nowrap";
  // The names wrap (a farm company's is long) and stay in view while the figures scroll sideways on a phone.
  const nameCell = "sticky left-0 z-[1] min-w-[8.5rem] max-w-[14rem] px-3 py-1.5 text-left sm:max-w-none";
  const footRow = (label: string, row: Pick<PlaceRow, "arena" | "organisations">, testId: string, strong = false) => (
    <tr className={`border-t border-line ${strong ? "font-medium" : "text-muted"}`} data-testid={testId}>
      <th scope="row" className={`${nameCell} bg-surface font-[inherit]`}>
        {label}
      </th>
      <td className={td} data-column="arena" title={levelsTitle(row)}>
        {n(row.arena.entries)}
      </td>
      <td className={td} data-column="organisations">
        {n(row.organisations.count)}
      </td>
      <td className={td} data-column="types">
        {types(row)}
      </td>
      <td className={td} data-column="members">
        {n(row.organisations.members)}
      </td>
    </tr>
  );

  return (
    <section className="space-y-2" aria-labelledby="places-heading" data-testid="places-panel">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="places-heading" className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-xs text-muted">
          {villages ? t("hintVillages", { period: when }) : `${t("hint", { period: when })} ${t("drillHint")}`}
        </p>
      </div>
      <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
        <table className="w-full text-sm" data-testid="places-table">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-page text-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const text = String(header.column.columnDef.header);
                  const left = header.id === "place";
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className={`px-3 py-2 font-medium whitespace-nowrap ${left ? "sticky left-0 z-[1] bg-page text-left" : "text-right"}`}
                    >
                      <button
                        type="button"
                        className={`inline-flex items-center gap-1 hover:text-ink ${left ? "" : "flex-row-reverse"}`}
                        onClick={header.column.getToggleSortingHandler()}
                        title={t("sortBy", { column: text })}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="w-3 text-[10px]">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-line" data-code={row.original.code}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === "place" ? (
                    <th key={cell.id} scope="row" className={`${nameCell} bg-surface font-normal`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className={td} data-column={cell.column.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {unmarked && footRow(villages ? t("unmarkedVillage") : t("unmarkedTownship"), unmarked, "places-unmarked")}
            {footRow(t("total"), data.total, "places-total", true)}
          </tfoot>
        </table>
      </ScrollBox>
      {places.length === 0 && <p className="text-sm text-muted">{villages ? t("noVillages") : t("noTownships")}</p>}
    </section>
  );
}
