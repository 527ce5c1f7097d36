"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LoadError } from "@/components/layout/load-error";
import { Pagination } from "@/components/records/pagination";
import { StatusBadge } from "@/components/upload/batch-badges";
import { BatchRows } from "@/components/upload/batch-rows";
import type { DatasetLayouts } from "@/components/upload/layouts";
import { UndoPanel } from "@/components/upload/undo-panel";
import { type BatchSummary, batchQuery } from "@/lib/api/uploads";

type Props = {
  id: number;
  page: number;
  pageSize: number;
  layouts: DatasetLayouts;
  regionNames: Record<string, string>;
};

export function BatchClient({ id, page, pageSize, layouts, regionNames }: Props) {
  const t = useTranslations("upload.batch");
  const { data, error, refetch, isPlaceholderData } = useQuery(batchQuery(id, page));

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <Link href="/uploads" className="text-sm text-sky-800 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold text-ink">
          {t("title", { id })}
          {data && <StatusBadge status={data.batch.status} />}
        </h1>
      </div>
      {error ? (
        <LoadError message={t("error", { message: error.message })} onRetry={() => refetch()} />
      ) : (
        data && (
          <>
            <Summary batch={data.batch} regionNames={regionNames} />
            <UndoPanel batch={data.batch} />
            <section aria-labelledby="batch-rows-title" className="space-y-3">
              <div className="space-y-1">
                <h2 id="batch-rows-title" className="text-base font-semibold text-ink">
                  {t("rows")}{" "}
                  <span className="text-sm font-normal text-muted">{t("total", { total: data.total })}</span>
                </h2>
                <p className="text-sm text-muted">{t("rowsIntro")}</p>
              </div>
              {data.total === 0 ? (
                <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">{t("noRows")}</p>
              ) : (
                <div className={`space-y-3 transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
                  <BatchRows rows={data.rows} context={{ layout: layouts[data.batch.dataset], regionNames }} />
                  <Pagination
                    page={page}
                    pages={Math.max(1, Math.ceil(data.total / pageSize))}
                    hrefOf={(p) => (p > 1 ? `/uploads/${id}?page=${p}` : `/uploads/${id}`)}
                  />
                </div>
              )}
            </section>
          </>
        )
      )}
    </div>
  );
}

function Summary({ batch, regionNames }: { batch: BatchSummary; regionNames: Record<string, string> }) {
  const t = useTranslations("upload");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  const item = (label: string, value: ReactNode, testId?: string) => (
    <div className="space-y-0.5">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-sm text-ink" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <section aria-label={t("batch.summary")} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        {item(t("batch.dataset"), t(`datasets.${batch.dataset}`), "batch-dataset")}
        {item(t("batch.fileName"), <span className="break-all">{batch.fileName}</span>, "batch-file")}
        {item(t("batch.time"), <span className="tabular-nums">{batch.createdAt}</span>)}
        {item(
          t("batch.user"),
          <>
            {batch.username ?? <span className="text-muted italic">{t("history.unknownUser")}</span>}
            {batch.regionCode && (
              <span className="text-muted">
                {" · "}
                {regionNames[batch.regionCode] ?? batch.regionName ?? batch.regionCode}
              </span>
            )}
          </>,
        )}
        {item(t("batch.source"), t.has(`sources.${batch.source}`) ? t(`sources.${batch.source}`) : batch.source)}
        {item(
          t("batch.status"),
          batch.status === "undone" && batch.undoneAt
            ? t("batch.undoneAt", { time: batch.undoneAt })
            : t(`statuses.${batch.status}`),
          "batch-status-text",
        )}
        {item(
          t("batch.counts"),
          t("batch.countsValue", {
            rows: n(batch.rows),
            inserted: n(batch.inserted),
            updated: n(batch.updated),
            unchanged: n(batch.unchanged),
            skipped: n(batch.skipped),
          }),
          "batch-counts",
        )}
        <div className="space-y-0.5 sm:col-span-2">
          <dt className="text-xs text-muted">{t("batch.fileHash")}</dt>
          <dd className="break-all font-mono text-xs text-ink" title={batch.fileHash}>
            {batch.fileHash}
          </dd>
        </div>
      </dl>
    </section>
  );
}
