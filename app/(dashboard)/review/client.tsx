"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { LoadError } from "@/components/layout/load-error";
import { SubmissionTable } from "@/components/review/submission-table";
import { submissionsQuery } from "@/lib/api/submissions";

export function ReviewClient() {
  const t = useTranslations("review");
  const { data, error, refetch } = useQuery(submissionsQuery());
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-ink">{t("heading")}</h1>
        <p className="max-w-3xl text-sm text-muted">{t("intro")}</p>
      </header>
      {error ? (
        <LoadError message={t("loadError", { message: error.message })} onRetry={() => refetch()} />
      ) : !data ? null : (
        <>
          <section aria-labelledby="review-queue" className="space-y-2" data-testid="review-queue">
            <h2 id="review-queue" className="text-base font-semibold text-ink">
              {t("queue")}
            </h2>
            {data.queue.length === 0 ? (
              <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">{t("queueEmpty")}</p>
            ) : (
              <SubmissionTable rows={data.queue} caption={t("queue")} />
            )}
          </section>
          <section aria-labelledby="review-recent" className="space-y-2" data-testid="review-recent">
            <h2 id="review-recent" className="text-base font-semibold text-ink">
              {t("recent")}
            </h2>
            {data.recent.length === 0 ? (
              <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">{t("mineEmpty")}</p>
            ) : (
              <SubmissionTable rows={data.recent} caption={t("recent")} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
