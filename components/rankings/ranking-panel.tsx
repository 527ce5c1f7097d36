"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { ScrollBox } from "@/components/layout/scroll-box";
import {
  isComplete,
  metricKind,
  type Ranking,
  type RankingMetric,
  type RankingRow,
  rankingQuery,
} from "@/lib/api/rankings";
import { regionName } from "@/lib/region-name";
import type { ColumnKind, ExportTable } from "@/lib/spreadsheet";
import type { Period } from "@/lib/view";
import { CompletenessMark } from "./completeness-mark";
import { downloadSheet, exportButton } from "./export";
import { useMetricFormat } from "./metric-format";

const NO_ROWS: RankingRow[] = [];

type Props = {
  region: string;
  period?: Period;
  /** The metrics that fit the page, the first the default. */
  metrics: readonly RankingMetric[];
  /** Prefix of the download's file name (region, metric and period are added); default 排名. */
  fileName?: string;
  testId?: string;
};

/** ↑2 / ↓1 / –, with the words for a screen reader. */
function RankChange({ value }: { value: number | null }) {
  const t = useTranslations("rankings");
  const [mark, words, tone] =
    value === null
      ? ["—", t("noRank"), "text-muted"]
      : value === 0
        ? ["–", t("same"), "text-muted"]
        : value > 0
          ? [`↑${value}`, t("up", { count: value }), "text-emerald-700"]
          : [`↓${-value}`, t("down", { count: -value }), "text-red-700"];
  return (
    <span className={tone} data-rank-change={value ?? ""}>
      <span aria-hidden="true">{mark}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}

/**
 * The viewed region's children ranked by one figure: value, rank (ties share one), the change
 * against the previous period (counted like for like while the period is incomplete), the rank
 * change, and each region's reports (未报齐 3/4). Sortable by every column; downloadable.
 */
export function RankingPanel({ region, period, metrics, fileName, testId = "ranking-panel" }: Props) {
  const t = useTranslations("rankings");
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const chooserId = useId();
  const [metric, setMetric] = useState<RankingMetric>(metrics[0]);
  const [sorting, setSorting] = useState<SortingState>([{ id: "rank", desc: false }]);
  const { data, error, refetch } = useQuery({
    ...rankingQuery({ region, period, metric }),
    placeholderData: keepPreviousData,
  });

  const show = useMetricFormat();
  const shown = data?.metric ?? metric;
  const label = (row: RankingRow) =>
    row.own ? t("notRankedName", { name: regionName(row, locale) }) : regionName(row, locale);

  // Few rows: the columns are rebuilt with the language and the metric shown.
  const columns: ColumnDef<RankingRow>[] = [
    { id: "region", header: t("columns.region"), accessorFn: (r) => r.code, cell: ({ row }) => label(row.original) },
    {
      id: "value",
      header: t("columns.value"),
      accessorFn: (r) => r.value ?? undefined,
      sortUndefined: "last",
      cell: ({ row }) => show(row.original.value, shown),
    },
    {
      id: "rank",
      header: t("columns.rank"),
      accessorFn: (r) => r.rank ?? undefined,
      sortUndefined: "last",
      cell: ({ row }) =>
        row.original.rank ?? (
          <span className="text-muted" title={t("notRanked")}>
            —<span className="sr-only">{t("notRanked")}</span>
          </span>
        ),
    },
    {
      id: "change",
      header: t("columns.change"),
      accessorFn: (r) => r.change ?? undefined,
      sortUndefined: "last",
      cell: ({ row }) => show(row.original.change, shown, true),
    },
    {
      id: "rankChange",
      header: t("columns.rankChange"),
      accessorFn: (r) => r.rankChange ?? undefined,
      sortUndefined: "last",
      cell: ({ row }) => <RankChange value={row.original.rankChange} />,
    },
    {
      id: "completeness",
      header: t("columns.completeness"),
      accessorFn: (r) => (r.completeness.expected ? r.completeness.reported / r.completeness.expected : undefined),
      sortUndefined: "last",
      cell: ({ row }) => <CompletenessMark value={row.original.completeness} showComplete />,
    },
  ];
  const table = useReactTable({
    data: data?.rows ?? NO_ROWS,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const exportTable = (ranking: Ranking): ExportTable => {
    const kind: ColumnKind = metricKind(ranking.metric);
    return {
      title: t("caption", {
        region: regionName(ranking.region, locale),
        metric: t(`metrics.${ranking.metric}`),
        period: periodLabel(ranking.period),
      }),
      columns: [
        { label: t("columns.region"), kind: "text" },
        { label: t(`metrics.${ranking.metric}`), kind },
        { label: t("columns.rank"), kind: "integer" },
        { label: t("columns.previous", { period: periodLabel(ranking.previousPeriod) }), kind },
        { label: t("columns.change"), kind },
        { label: t("columns.previousRank"), kind: "integer" },
        { label: t("columns.rankChange"), kind: "integer" },
        { label: t("columns.reported"), kind: "integer" },
        { label: t("columns.expected"), kind: "integer" },
      ],
      rows: table
        .getRowModel()
        .rows.map(({ original: r }) => [
          label(r),
          r.value,
          r.rank,
          r.previous,
          r.change,
          r.previousRank,
          r.rankChange,
          r.completeness.reported,
          r.completeness.expected,
        ]),
    };
  };

  const when = data ? periodLabel(data.period) : "";
  return (
    <section className="space-y-2 rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 className="text-base font-semibold text-ink">
          {t("title")}
          {when && ` · ${when}`}
        </h2>
        <label htmlFor={chooserId} className="text-sm text-muted">
          {t("metric")}
        </label>
        <select
          id={chooserId}
          className="max-w-full rounded border border-line bg-surface px-2 py-1 text-sm"
          value={metric}
          onChange={(e) => setMetric(e.target.value as RankingMetric)}
          data-testid="ranking-metric"
        >
          {metrics.map((m) => (
            <option key={m} value={m}>
              {t(`metrics.${m}`)}
            </option>
          ))}
        </select>
        {data && <CompletenessMark value={data.completeness} />}
        {data?.likeForLike && (
          <span className="text-xs text-muted" data-testid="ranking-like-for-like">
            {t("likeForLike")}
          </span>
        )}
        <div className="ml-auto flex gap-1.5 print:hidden">
          {(["csv", "xlsx"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={exportButton}
              disabled={!data}
              onClick={() => {
                if (!data) return;
                const name = `${fileName ?? t("fileName")}-${regionName(data.region, locale)}-${t(`metrics.${data.metric}`)}-${when}`;
                void downloadSheet(kind, name.replace(/[\\/:*?"<>|（）()\s]+/g, ""), exportTable(data), locale);
              }}
            >
              {kind.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {t("error", { message: error.message })}{" "}
          <button type="button" className="underline" onClick={() => refetch()}>
            ↻
          </button>
        </p>
      ) : !data ? (
        <div className="h-48 animate-pulse rounded bg-page" aria-busy="true">
          <span className="sr-only">{t("loading")}</span>
        </div>
      ) : data.rows.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <>
          {!isComplete(data.completeness) && (
            <p className="text-xs text-muted">
              {data.likeForLike ? t("likeForLikeHint") : t("incompleteHint", data.completeness)}
            </p>
          )}
          <ScrollBox
            label={t("caption", {
              region: regionName(data.region, locale),
              metric: t(`metrics.${data.metric}`),
              period: when,
            })}
          >
            <table className="w-full text-sm" data-testid="ranking-table">
              <caption className="sr-only">
                {t("caption", {
                  region: regionName(data.region, locale),
                  metric: t(`metrics.${data.metric}`),
                  period: when,
                })}
              </caption>
              <thead className="bg-page text-muted">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      const text = String(header.column.columnDef.header);
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                          className={`px-3 py-2 font-medium whitespace-nowrap ${header.id === "region" ? "text-left" : "text-right"}`}
                        >
                          <button
                            type="button"
                            // Figures align right, so their arrow goes before the label.
                            className={`inline-flex items-center gap-1 hover:text-ink ${header.id === "region" ? "" : "flex-row-reverse"}`}
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
                      cell.column.id === "region" ? (
                        <th key={cell.id} scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </th>
                      ) : (
                        <td
                          key={cell.id}
                          className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap"
                          data-column={cell.column.id}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </section>
  );
}
