"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LoadError } from "@/components/layout/load-error";
import { Pagination } from "@/components/records/pagination";
import { BatchTable } from "@/components/upload/batch-table";
import { batchesQuery } from "@/lib/api/uploads";

type Props = { page: number; pageSize: number; regionNames: Record<string, string> };

export function UploadsClient({ page, pageSize, regionNames }: Props) {
  const t = useTranslations("upload.history");
  const { data, error, refetch, isPlaceholderData } = useQuery(batchesQuery(page));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl space-y-1">
          <h1 className="text-2xl font-semibold text-ink">{t("title")}</h1>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <Link href="/upload" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand/90">
          {t("upload")}
        </Link>
      </div>
      {error ? (
        <LoadError message={t("error", { message: error.message })} onRetry={() => refetch()} />
      ) : !data ? null : data.total === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">{t("empty")}</p>
      ) : (
        <div className={`space-y-3 transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
          <p className="text-sm text-ink" data-testid="batches-total">
            {t("total", { total: data.total })}
          </p>
          <BatchTable rows={data.rows} regionNames={regionNames} />
          <Pagination
            page={page}
            pages={Math.max(1, Math.ceil(data.total / pageSize))}
            hrefOf={(p) => (p > 1 ? `/uploads?page=${p}` : "/uploads")}
          />
        </div>
      )}
    </div>
  );
}
