"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { SubmissionStatus, SubmissionSummary } from "@/lib/api/submissions";

const TONES: Record<SubmissionStatus, string> = {
  pending: "bg-sky-50 text-sky-900",
  returned: "bg-amber-50 text-amber-900",
  approved: "bg-emerald-50 text-emerald-800",
  superseded: "bg-page text-muted",
};

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const t = useTranslations("review.status");
  return (
    <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${TONES[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

/** "2024年第4季度" / "Q4 2024", as the notices name a period. */
export function usePeriodName() {
  const t = useTranslations("notices");
  return (p: { year: number; quarter: number | null }) =>
    p.quarter ? t("quarter", { year: p.year, quarter: p.quarter }) : t("year", { year: p.year });
}

/** Reports as a table: region, dataset, period, version, who sent it when, and its state. */
export function SubmissionTable({ rows, caption }: { rows: SubmissionSummary[]; caption: string }) {
  const t = useTranslations("review");
  const tData = useTranslations("upload.datasets");
  const locale = useLocale();
  const periodName = usePeriodName();
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 align-top";
  const headers = ["region", "dataset", "period", "version", "submittedBy", "submittedAt", "status"] as const;
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-page text-muted">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={th}>
                {t(`columns.${h}`)}
              </th>
            ))}
            <th scope="col" className={th}>
              <span className="sr-only">{t("open")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className="border-t border-line" data-submission={s.id}>
              <th scope="row" className={`${td} text-left font-normal whitespace-nowrap`}>
                {locale === "en" && s.regionNameEn ? s.regionNameEn : s.regionName}
              </th>
              <td className={`${td} whitespace-nowrap`}>{tData(s.dataset)}</td>
              <td className={`${td} whitespace-nowrap`}>{periodName(s)}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{t("versionLabel", { version: s.version })}</td>
              <td className={td}>{s.submittedByName}</td>
              <td className={`${td} whitespace-nowrap tabular-nums text-muted`}>{s.submittedAt}</td>
              <td className={td}>
                <StatusBadge status={s.status} />
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <Link href={`/review/${s.id}`} className="text-brand underline-offset-2 hover:underline">
                  {t("open")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
