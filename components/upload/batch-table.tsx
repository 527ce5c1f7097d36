"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { BatchSummary } from "@/lib/api/uploads";
import { FileHash, StatusBadge } from "./batch-badges";

/** The upload history: one row per batch, newest first, each opening the batch's page. */
export function BatchTable({ rows, regionNames }: { rows: BatchSummary[]; regionNames: Record<string, string> }) {
  const t = useTranslations("upload");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 align-top";
  return (
    <ScrollBox className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="batch-table">
        <caption className="sr-only">{t("history.caption")}</caption>
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className={th}>
              {t("history.batch")}
            </th>
            <th scope="col" className={th}>
              {t("history.time")}
            </th>
            <th scope="col" className={th}>
              {t("history.user")}
            </th>
            <th scope="col" className={th}>
              {t("history.dataset")}
            </th>
            <th scope="col" className={th}>
              {t("history.fileName")}
            </th>
            <th scope="col" className={th}>
              {t("history.fileHash")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("history.rows")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("history.counts")}
            </th>
            <th scope="col" className={th}>
              {t("history.status")}
            </th>
            <th scope="col" className={th}>
              {t("history.source")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((batch) => (
            <tr key={batch.id} className="border-t border-line" data-testid={`batch-${batch.id}`}>
              <th scope="row" className={`${td} text-left font-normal tabular-nums`}>
                <Link href={`/uploads/${batch.id}`} className="font-medium text-sky-800 underline underline-offset-2">
                  {batch.id}
                </Link>
              </th>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{batch.createdAt}</td>
              <td className={`${td} whitespace-nowrap`}>
                {batch.username ?? <span className="text-muted italic">{t("history.unknownUser")}</span>}
                {batch.regionCode && (
                  <span className="block text-xs text-muted">
                    {regionNames[batch.regionCode] ?? batch.regionName ?? batch.regionCode}
                  </span>
                )}
              </td>
              <td className={`${td} whitespace-nowrap`}>{t(`datasets.${batch.dataset}`)}</td>
              <td className={`${td} max-w-64 break-all`}>
                <Link href={`/uploads/${batch.id}`} className="hover:underline">
                  {batch.fileName}
                </Link>
              </td>
              <td className={td}>
                <FileHash hash={batch.fileHash} />
              </td>
              <td className={`${td} text-right tabular-nums`}>{n(batch.rows)}</td>
              <td className={`${td} whitespace-nowrap text-right tabular-nums`} data-testid="batch-counts">
                {n(batch.inserted)} / {n(batch.updated)} / {n(batch.unchanged)}
              </td>
              <td className={td}>
                <StatusBadge status={batch.status} />
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {t.has(`sources.${batch.source}`) ? t(`sources.${batch.source}`) : batch.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
