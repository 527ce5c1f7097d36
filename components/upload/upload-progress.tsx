"use client";

import { useFormatter, useTranslations } from "next-intl";

/**
 * Sending shows the real share of bytes sent (XHR upload events); once everything is sent the
 * server reads and checks the file, which has no measurable progress, so the bar becomes
 * indeterminate (no aria-valuenow) rather than sitting at 100 %.
 */
export function UploadProgress({ share, committing }: { share: number | null; committing: boolean }) {
  const t = useTranslations("upload.progress");
  const format = useFormatter();
  const sending = share !== null;
  const percent = format.number(share ?? 1, { style: "percent", maximumFractionDigits: 0 });
  const label = sending
    ? t(committing ? "committing" : "uploading", { percent })
    : t(committing ? "writing" : "checking");
  return (
    <div className="space-y-2" data-testid="upload-progress">
      <p className="flex items-center gap-2 text-sm text-ink" aria-live="polite">
        {!sending && (
          <span
            aria-hidden="true"
            className="inline-block size-4 animate-spin rounded-full border-2 border-sky-700 border-t-transparent"
          />
        )}
        {label}
      </p>
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={sending ? Math.round((share ?? 0) * 100) : undefined}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        {sending ? (
          <div
            className="h-full rounded-full bg-sky-700 transition-[width]"
            style={{ width: `${(share ?? 0) * 100}%` }}
          />
        ) : (
          <div className="h-full w-full animate-pulse rounded-full bg-sky-700/60" />
        )}
      </div>
    </div>
  );
}
