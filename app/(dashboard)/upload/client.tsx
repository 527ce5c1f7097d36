"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { SubmissionTable, usePeriodName } from "@/components/review/submission-table";
import { DatasetPicker } from "@/components/upload/dataset-picker";
import { Dropzone } from "@/components/upload/dropzone";
import { ErrorReport } from "@/components/upload/error-report";
import type { DatasetLayouts } from "@/components/upload/layouts";
import { Preview } from "@/components/upload/preview";
import { UploadProgress } from "@/components/upload/upload-progress";
import { type UploadPhase, useUpload } from "@/components/upload/use-upload";
import type { SubmissionSummary } from "@/lib/api/submissions";
import type { Dataset } from "@/lib/contract";

type Props = {
  initialDataset: Dataset;
  scope: string;
  maxBytes: number;
  layouts: DatasetLayouts;
  regionNames: Record<string, string>;
  /** The region that reviews this user's reports (null: they publish at once). */
  reviewer: string | null;
  /** This region's recent reports and their state. */
  submissions: SubmissionSummary[];
};

const button = "rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60";
const primary = `${button} bg-brand text-white hover:bg-brand/90`;
const secondary = `${button} border border-line bg-surface text-ink hover:bg-page`;

export function UploadClient({ initialDataset, scope, maxBytes, layouts, regionNames, reviewer, submissions }: Props) {
  const t = useTranslations("upload");
  const format = useFormatter();
  const [dataset, setDataset] = useState<Dataset>(initialDataset);
  const [file, setFile] = useState<File | null>(null);
  const { phase, send, reset } = useUpload({ maxBytes });
  const busy = phase.step === "sending";

  const chooseFile = (next: File) => {
    setFile(next);
    void send(dataset, next, true);
  };
  const chooseDataset = (next: Dataset) => {
    setDataset(next);
    // The same file read as another dataset is another check; a committed one is done with.
    if (phase.step === "committed") {
      setFile(null);
      reset();
    } else if (file) void send(next, file, true);
  };
  const discard = () => {
    setFile(null);
    reset();
  };
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${format.number(bytes / 1024, { maximumFractionDigits: 1 })} KB`
      : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl space-y-1">
          <h1 className="text-2xl font-semibold text-ink">{t("page.title")}</h1>
          <p className="text-sm text-muted">{t("page.intro")}</p>
          <p className="text-sm text-ink">{scope}</p>
          {reviewer && (
            <p className="text-sm text-ink" data-testid="upload-reviewer">
              {t("page.reviewedBy", { region: reviewer })}
            </p>
          )}
        </div>
        <Link href="/uploads" className={secondary}>
          {t("page.history")}
        </Link>
      </div>

      <Step title={t("page.chooseDataset")}>
        <DatasetPicker value={dataset} layouts={layouts} disabled={busy} onChange={chooseDataset} />
      </Step>

      <Step title={t("page.chooseFile")}>
        <Dropzone id="upload-file" disabled={busy} maxMegabytes={maxBytes / 1024 / 1024} onFile={chooseFile} />
        {file ? (
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span className="break-all text-ink" data-testid="chosen-file">
              {t("dropzone.chosen", { name: file.name, size: size(file.size) })}
            </span>
            {!busy && phase.step !== "committed" && (
              <button type="button" onClick={() => send(dataset, file, true)} className="text-sky-800 underline">
                {t("dropzone.again")}
              </button>
            )}
          </p>
        ) : (
          <p className="text-xs text-muted">{t("page.checkHint")}</p>
        )}
      </Step>

      {phase.step !== "idle" && file && (
        <Step title={t("page.check")}>
          <Outcome
            phase={phase}
            context={{ layout: layouts[dataset], regionNames }}
            onCommit={() => send(dataset, file, false)}
            onRetry={(dryRun) => send(dataset, file, dryRun)}
            onDiscard={discard}
            reviewer={reviewer}
          />
        </Step>
      )}

      {submissions.length > 0 && (
        <section className="space-y-2" aria-labelledby="own-submissions" data-testid="own-submissions">
          <h2 id="own-submissions" className="text-base font-semibold text-ink">
            {t("submissions")}
          </h2>
          <SubmissionTable rows={submissions} caption={t("submissions")} />
        </section>
      )}
    </div>
  );
}

function Step({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-line bg-surface p-4 shadow-sm">
      <h2 className="text-base font-semibold text-ink">{title}</h2>
      {children}
    </section>
  );
}

function Outcome({
  phase,
  context,
  onCommit,
  onRetry,
  onDiscard,
  reviewer,
}: {
  reviewer: string | null;
  phase: Exclude<UploadPhase, { step: "idle" }>;
  context: React.ComponentProps<typeof Preview>["context"];
  onCommit: () => void;
  onRetry: (dryRun: boolean) => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("upload");
  switch (phase.step) {
    case "sending":
      return <UploadProgress share={phase.share} committing={!phase.dryRun} />;
    case "failed":
      return (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p data-testid="upload-failed">{phase.message}</p>
          <button type="button" onClick={() => onRetry(phase.dryRun)} className="mt-2 underline">
            {t("failed.retry")}
          </button>
        </div>
      );
    case "refused":
      return (
        <ErrorReport
          errors={phase.report.errors}
          errorCount={phase.report.errorCount}
          warnings={phase.report.warnings}
          committing={!phase.dryRun}
        />
      );
    case "checked": {
      const { report } = phase;
      const changes = report.inserted + report.updated;
      return (
        <div className="space-y-4">
          <Preview report={report} context={context} />
          <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
            {changes > 0 ? (
              <>
                <button type="button" onClick={onCommit} className={primary}>
                  {reviewer ? t("preview.submit") : t("preview.commit")}
                </button>
                <button type="button" onClick={onDiscard} className={secondary}>
                  {t("preview.cancel")}
                </button>
                <p className="text-sm text-muted">
                  {reviewer
                    ? t("preview.submitHint", { region: reviewer })
                    : t("preview.commitHint", { inserted: report.inserted, updated: report.updated })}
                </p>
              </>
            ) : (
              <p role="status" className="text-sm text-ink">
                {t("preview.nothing")}
              </p>
            )}
          </div>
        </div>
      );
    }
    case "committed": {
      const { report } = phase;
      if (report.submissions.length > 0) return <Submitted report={report} reviewer={reviewer} onDiscard={onDiscard} />;
      return (
        <div
          role="status"
          className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-950"
          data-testid="upload-committed"
        >
          {report.batchId === null ? (
            <p>{t("committed.noChange")}</p>
          ) : (
            <>
              <h3 className="text-base font-semibold">{t("committed.title", { id: report.batchId })}</h3>
              <p>
                {t("committed.body", {
                  inserted: report.inserted,
                  updated: report.updated,
                  unchanged: report.unchanged,
                })}
              </p>
            </>
          )}
          <p className="flex flex-wrap gap-3">
            {report.batchId !== null && (
              <Link href={`/uploads/${report.batchId}`} className="font-medium text-sky-800 underline">
                {t("committed.batch", { id: report.batchId })}
              </Link>
            )}
            <Link href="/" className="font-medium text-sky-800 underline">
              {t("committed.overview")}
            </Link>
            <button type="button" onClick={onDiscard} className="font-medium text-sky-800 underline">
              {t("committed.another")}
            </button>
          </p>
        </div>
      );
    }
  }
}

/** A report sent for review: what happens next, and a link to each period's submission. */
function Submitted({
  report,
  reviewer,
  onDiscard,
}: {
  report: Extract<UploadPhase, { step: "committed" }>["report"];
  reviewer: string | null;
  onDiscard: () => void;
}) {
  const t = useTranslations("upload");
  const periodName = usePeriodName();
  const periods = report.submissions.map(periodName).join(t("page.separator"));
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950"
      data-testid="upload-submitted"
    >
      <h3 className="text-base font-semibold">{t("submitted.title", { region: reviewer ?? "" })}</h3>
      <p>{t("submitted.body", { periods })}</p>
      <p className="flex flex-wrap gap-3">
        {report.submissions.map((s) => (
          <Link key={s.id} href={`/review/${s.id}`} className="font-medium text-sky-800 underline">
            {t("submitted.view", { period: periodName(s), version: s.version })}
          </Link>
        ))}
        <button type="button" onClick={onDiscard} className="font-medium text-sky-800 underline">
          {t("submitted.another")}
        </button>
      </p>
    </div>
  );
}
