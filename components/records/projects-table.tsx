"use client";

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type SortingState,
  type Updater,
  useReactTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { ScrollBox } from "@/components/layout/scroll-box";
import { useTerm } from "@/components/layout/use-term";
import type { ProjectRecord } from "@/lib/api/projects";
import { formatAmountNumber } from "@/lib/format";
import { rowRegionName } from "@/lib/region-name";
import { PROJECT_SORT_KEYS, type ProjectSortKey, type SortDirection } from "@/lib/view";

type Props = {
  caption: string;
  /** One page of projects, already sorted by the server. */
  rows: ProjectRecord[];
  sort: ProjectSortKey;
  dir: SortDirection;
  /** Writes the new sort to the URL; the server sorts (the list is paginated, so it must). */
  onSort: (sort: ProjectSortKey, dir: SortDirection) => void;
  page: number;
  pageCount: number;
};

type Meta = { align?: "right"; rowHeader?: boolean; cell?: string; testId?: string };

// Money headers carry their unit ("Planned investment (CNY million)"): they may wrap, so the table
// fits a desktop window in English too.
const wrapHeader = "min-w-28 whitespace-normal";

const isSortKey = (id: string): id is ProjectSortKey => (PROJECT_SORT_KEYS as readonly string[]).includes(id);

/**
 * One row per project, as a TanStack table in manual mode: sorting and paging are the server's
 * (sort key, direction and page live in the URL), the table only draws the page and turns a
 * header click into the next sort. Names of lead cadres come blank from the API outside the
 * user's region (`namesHidden`); the table says so instead of leaving the cells empty.
 */
export function ProjectsTable({ caption, rows, sort, dir, onSort, page, pageCount }: Props) {
  const t = useTranslations();
  const term = useTerm();
  const locale = useLocale();

  const columns = useMemo<ColumnDef<ProjectRecord>[]>(() => {
    const money = (v: number | null) => (v === null ? "—" : formatAmountNumber(locale, v));
    const hidden = <span className="text-muted italic">{t("projectList.namesHidden")}</span>;
    return [
      {
        id: "code",
        accessorKey: "code",
        header: t("projectList.code"),
        // The project's whole cycle (challenge, applications, follow-up, evaluation): /projects/<code>.
        cell: ({ row }) => (
          <Link
            href={`/projects/${encodeURIComponent(row.original.code)}`}
            prefetch={false}
            title={t("cycle.history.view")}
          >
            {row.original.code}
          </Link>
        ),
        meta: { cell: "whitespace-nowrap tabular-nums text-muted" } satisfies Meta,
      },
      {
        id: "name",
        accessorKey: "name",
        header: t("projectList.name"),
        meta: { rowHeader: true, cell: "min-w-48" } satisfies Meta,
      },
      {
        id: "region",
        accessorFn: (row) => rowRegionName(row, locale),
        header: t("projectList.regionColumn"),
        meta: { cell: "whitespace-nowrap" } satisfies Meta,
      },
      {
        id: "industryChain",
        accessorKey: "industryChain",
        header: t("projectList.industryChain"),
        cell: ({ row }) => (row.original.industryChain ? term("chains", row.original.industryChain) : "—"),
        meta: { cell: "whitespace-nowrap" } satisfies Meta,
      },
      {
        id: "leadCadre",
        accessorKey: "leadCadre",
        header: t("projectList.leadCadre"),
        cell: ({ row }) => (row.original.namesHidden ? hidden : (row.original.leadCadre ?? "—")),
        meta: { cell: "whitespace-nowrap", testId: "lead-cadre" } satisfies Meta,
      },
      {
        id: "cadreUnit",
        accessorKey: "cadreUnit",
        header: t("projectList.cadreUnit"),
        cell: ({ row }) => (row.original.namesHidden ? hidden : (row.original.cadreUnit ?? "—")),
        meta: { cell: "min-w-32", testId: "cadre-unit" } satisfies Meta,
      },
      {
        id: "takenOn",
        accessorKey: "takenOn",
        header: t("projectList.takenOn"),
        sortDescFirst: true,
        meta: { cell: "whitespace-nowrap tabular-nums", testId: "taken-on" } satisfies Meta,
      },
      {
        id: "stage",
        accessorKey: "stage",
        header: t("projectList.stage"),
        cell: ({ row }) =>
          t.has(`stages.${row.original.stage}`) ? t(`stages.${row.original.stage}`) : row.original.stage,
        meta: { cell: "whitespace-nowrap" } satisfies Meta,
      },
      {
        id: "plannedInvestment",
        accessorKey: "plannedInvestment",
        header: t("projectList.plannedInvestment"),
        sortDescFirst: true,
        cell: ({ row }) => money(row.original.plannedInvestment),
        meta: { align: "right", cell: "tabular-nums", testId: "planned-investment" } satisfies Meta,
      },
      {
        id: "fundsInPlace",
        accessorKey: "fundsInPlace",
        header: t("projectList.fundsInPlace"),
        sortDescFirst: true,
        cell: ({ row }) => money(row.original.fundsInPlace),
        meta: { align: "right", cell: "tabular-nums" } satisfies Meta,
      },
    ];
  }, [t, locale, term]);

  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.code,
    manualSorting: true,
    manualPagination: true,
    pageCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize: rows.length } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      if (next && isSortKey(next.id)) onSort(next.id, next.desc ? "desc" : "asc");
    },
  });

  const th = "px-2 py-2 font-medium";
  const td = "px-2 py-1.5";
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="projects-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-page text-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta as Meta | undefined;
                const sorted = header.column.getIsSorted();
                const right = meta?.align === "right";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={`${th} ${right ? `text-right ${wrapHeader}` : "text-left whitespace-nowrap"}`}
                  >
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={`inline-flex items-center gap-1 rounded hover:text-ink focus-visible:outline-2 focus-visible:outline-sky-700 ${right ? "flex-row-reverse text-right" : "text-left"} ${sorted ? "text-ink" : ""}`}
                      data-testid={`sort-${header.column.id}`}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true" className={`text-xs ${sorted ? "" : "opacity-40"}`}>
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
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
            <tr key={row.id} className="border-t border-line align-top">
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta as Meta | undefined;
                const className = `${td} ${meta?.cell ?? ""} ${meta?.align === "right" ? "text-right" : ""}`;
                const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row" className={`${className} text-left font-normal`}>
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} className={className} data-testid={meta?.testId}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
