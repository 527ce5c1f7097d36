"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LoadError } from "@/components/layout/load-error";
import { StatusBadge, usePeriodName } from "@/components/review/submission-table";
import type { DatasetLayouts } from "@/components/upload/layouts";
import { Preview } from "@/components/upload/preview";
import { useFormatKey } from "@/components/upload/values";
import {
  approveSubmission,
  type ReviewWarning,
  returnSubmission,
  type SubmissionDetail,
  submissionQuery,
  submissionsKey,
} from "@/lib/api/submissions";

type Props = { id: number; layouts: DatasetLayouts; regionNames: Record<string, string> };

export function SubmissionClient({ id, layouts, regionNames }: Props) {
  const t = useTranslations("review");
  const { data, error, refetch } = useQuery(submissionQuery(id));
  if (error) return <LoadError message={t("loadError", { message: error.message })} onRetry={() => refetch()} />;
  if (!data) return null;
  return <Submission detail={data} context={{ layout: layouts[data.submission.dataset], regionNames }} />;
}

function Submission({
  detail,
  context,
}: {
  detail: SubmissionDetail;
  context: Parameters<typeof Preview>[0]["context"];
}) {
  const t = useTranslations("review");
  const tData = useTranslations("upload.datasets");
  const locale = useLocale();
  const periodName = usePeriodName();
  const { submission, changes, sinceReturned, versions, reviewer } = detail;
  const region = locale === "en" && submission.regionNameEn ? submission.regionNameEn : submission.regionName;
  const reviewerName = reviewer ? (locale === "en" && reviewer.nameEn ? reviewer.nameEn : reviewer.nameZh) : "";
  const open = submission.status === "pending" || submission.status === "returned";
  // Once decided the report is no longer the caller's to review; the outcome stays in view.
  const [decided, setDecided] = useState(false);

  return (
    <div className="space-y-6" data-testid="submission">
      <header className="space-y-2">
        <Link href="/review" className="text-sm text-brand underline-offset-2 hover:underline">
          {t("backToQueue")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-ink">
            {t("submissionHeading", { region, period: periodName(submission), dataset: tData(submission.dataset) })}
          </h1>
          <span className="text-sm text-muted">{t("versionLabel", { version: submission.version })}</span>
          <StatusBadge status={submission.status} />
        </div>
        <p className="text-sm text-muted">
          {t("submittedLine", {
            name: submission.submittedByName,
            at: submission.submittedAt,
            rows: submission.rows,
            file: submission.fileName,
          })}
          {reviewer && ` · ${t("reviewerIs", { region: reviewerName })}`}
        </p>
        {submission.status === "pending" && (
          <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {t("pendingNote")}
          </p>
        )}
        {submission.status === "returned" && submission.reason && (
          <div role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <span className="font-medium">{t("reasonLabel")}：</span>
            <span data-testid="return-reason">{submission.reason}</span>
            <Link
              href={`/upload?dataset=${submission.dataset}`}
              className="ml-3 text-brand underline-offset-2 hover:underline"
            >
              {t("resubmit")}
            </Link>
          </div>
        )}
      </header>

      {((submission.canReview && changes) || decided) && (
        <Decision detail={detail} onDecided={() => setDecided(true)} />
      )}
      {detail.ownSubmission && submission.status === "pending" && (
        <p className="text-sm text-muted">{t("ownSubmission")}</p>
      )}

      {sinceReturned && (
        <section className="space-y-2" data-testid="since-returned">
          {sinceReturned.total === 0 && sinceReturned.removed === 0 ? (
            <p className="text-sm text-muted">{t("sinceNone", { version: sinceReturned.version })}</p>
          ) : (
            <Preview
              report={{
                fileName: submission.fileName,
                rows: submission.rows,
                inserted: sinceReturned.changes.filter((c) => c.before === null).length,
                updated: sinceReturned.changes.filter((c) => c.before !== null).length,
                unchanged: submission.rows - sinceReturned.total,
                skipped: sinceReturned.removed,
                warnings: [],
                preview: sinceReturned.changes,
              }}
              context={context}
              heading={t("sinceHeading", { version: sinceReturned.version })}
              intro=""
            />
          )}
        </section>
      )}

      {open && changes && (
        <section className="space-y-3" data-testid="review-changes">
          <Preview
            report={{
              ...changes,
              fileName: submission.fileName,
              rows: submission.rows,
              skipped: 0,
              warnings: changes.moves,
            }}
            context={context}
            heading={t("changesHeading")}
            intro={t("changesSummary", {
              inserted: changes.inserted,
              updated: changes.updated,
              unchanged: changes.unchanged,
            })}
          />
          {detail.personnelHidden && (
            <p
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
              data-testid="personnel-hidden"
            >
              {t("personnelHidden")}
            </p>
          )}
          {/* The warnings name rows too: withheld with them, not reported as none. */}
          {!detail.personnelHidden && <ReviewWarnings warnings={changes.warnings} context={context} />}
        </section>
      )}

      <section className="space-y-2" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-base font-semibold text-ink">
          {t("versionsHeading")}
        </h2>
        <ol className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="versions">
          {versions.map((v) => (
            <li key={v.id} className="space-y-1 px-4 py-2.5 text-sm" data-version={v.version}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                {v.id === submission.id ? (
                  <span className="font-medium text-ink">{t("versionLabel", { version: v.version })}</span>
                ) : (
                  <Link href={`/review/${v.id}`} className="text-brand underline-offset-2 hover:underline">
                    {t("versionLabel", { version: v.version })}
                  </Link>
                )}
                <StatusBadge status={v.status} />
                <span className="text-muted">
                  {t("submittedLine", { name: v.submittedByName, at: v.submittedAt, rows: v.rows, file: v.fileName })}
                </span>
              </div>
              {v.reviewedAt && (
                <p className="text-muted">
                  {t("reviewedLine", {
                    name: v.reviewerName ?? "",
                    at: v.reviewedAt,
                    action: v.reason ? t("reviewedReturned") : t("reviewedApproved"),
                  })}
                  {v.reason && (
                    <>
                      {" · "}
                      <span className="text-amber-900">
                        {t("reasonLabel")}：{v.reason}
                      </span>
                    </>
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Approve (publishes what is shown) or return with a reason; the server has the last word. */
function Decision({ detail, onDecided }: { detail: SubmissionDetail; onDecided: () => void }) {
  const t = useTranslations("review");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const { submission, changes } = detail;
  const settle = async () => {
    await queryClient.invalidateQueries({ queryKey: submissionsKey });
    // The bell and the dashboards are drawn on the server.
    router.refresh();
  };
  // The fingerprint of what is on the screen now, kept when the page refetches after the decision.
  const [fingerprint] = useState(changes?.fingerprint ?? "");
  const approve = useMutation({
    mutationFn: () => approveSubmission(submission.id, fingerprint),
    onSuccess: onDecided,
    onSettled: settle,
  });
  const sendBack = useMutation({
    mutationFn: () => returnSubmission(submission.id, reason),
    onSuccess: onDecided,
    onSettled: settle,
  });
  const failed = approve.error ?? sendBack.error;
  if (approve.isSuccess) {
    return (
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        {t("approved", { batch: approve.data.batchId })}
      </p>
    );
  }
  if (sendBack.isSuccess) {
    return (
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("returnedDone")}
      </p>
    );
  }
  const busy = approve.isPending || sendBack.isPending;
  return (
    <section className="space-y-3 rounded-lg border border-line bg-surface p-4" data-testid="review-decision">
      {failed && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {failed.message}
        </p>
      )}
      {returning ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            sendBack.mutate();
          }}
        >
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-ink">{t("returnReason")}</span>
            <textarea
              className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
              rows={3}
              maxLength={500}
              required
              minLength={2}
              value={reason}
              placeholder={t("returnPlaceholder")}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={busy}
              className="min-h-9 rounded-md bg-amber-700 px-4 py-1.5 text-sm text-white hover:bg-amber-800 disabled:opacity-50"
            >
              {t("confirmReturn")}
            </button>
            <button
              type="button"
              onClick={() => setReturning(false)}
              className="min-h-9 rounded-md border border-line px-4 py-1.5 text-sm text-ink hover:bg-page"
            >
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={busy}
            onClick={() => approve.mutate()}
            className="min-h-9 rounded-md bg-brand px-4 py-1.5 text-sm text-white hover:bg-brand/90 disabled:opacity-50"
          >
            {t("approve")}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setReturning(true)}
            className="min-h-9 rounded-md border border-line px-4 py-1.5 text-sm text-ink hover:bg-page disabled:opacity-50"
          >
            {t("return")}
          </button>
        </div>
      )}
    </section>
  );
}

/** The figures worth a second look, their keys and columns named as the preview names them. */
function ReviewWarnings({
  warnings,
  context,
}: {
  warnings: ReviewWarning[];
  context: Parameters<typeof Preview>[0]["context"];
}) {
  const t = useTranslations("review");
  const formatKey = useFormatKey(context);
  const label = (column: string) => context.layout.columns.find((c) => c.db === column)?.label ?? column;
  return (
    <div className="space-y-1" data-testid="review-warnings">
      <h3 className="text-sm font-medium text-ink">{t("warningsHeading")}</h3>
      {warnings.length === 0 ? (
        <p className="text-sm text-muted">{t("noWarnings")}</p>
      ) : (
        <ul className="list-disc space-y-0.5 rounded-md border border-amber-200 bg-amber-50 py-2 pr-3 pl-8 text-sm text-amber-950">
          {warnings.map((w) => (
            <li key={`${w.kind}-${w.row}`}>
              {t(`warnings.${w.kind}`, {
                key: formatKey.ofPreview(w.key),
                column: label(w.column),
                before: w.before,
                after: w.after,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
