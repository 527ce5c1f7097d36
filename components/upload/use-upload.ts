"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { type ImportReport, sendUpload, UploadFailed } from "@/lib/api/uploads";
import type { Dataset } from "@/lib/contract";

/**
 * The upload page's states. A file is first sent as a dry run (checked, nothing written); the
 * commit sends the very same File again with dryRun=false, and the server checks it once more
 * (the data may have changed since the preview), so a commit can still be refused.
 */
export type UploadPhase =
  | { step: "idle" }
  /** `share` is the part of the body sent; null once all is sent and the server is working. */
  | { step: "sending"; dryRun: boolean; share: number | null }
  | { step: "checked"; report: ImportReport }
  | { step: "refused"; report: ImportReport; dryRun: boolean }
  | { step: "committed"; report: ImportReport }
  | { step: "failed"; message: string; dryRun: boolean };

export function useUpload({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("upload");
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<UploadPhase>({ step: "idle" });
  const running = useRef<AbortController | null>(null);

  // Leaving the page stops a transfer in flight.
  useEffect(() => () => running.current?.abort(), []);

  const send = useCallback(
    async (dataset: Dataset, file: File, dryRun: boolean) => {
      running.current?.abort();
      if (file.size > maxBytes) {
        return setPhase({ step: "failed", dryRun, message: t("dropzone.tooLarge", { max: maxBytes / 1024 / 1024 }) });
      }
      const controller = new AbortController();
      running.current = controller;
      setPhase({ step: "sending", dryRun, share: 0 });
      try {
        const answer = await sendUpload({
          dataset,
          file,
          dryRun,
          signal: controller.signal,
          onProgress: (share) => setPhase((p) => (p.step === "sending" && p.share !== null ? { ...p, share } : p)),
          onSent: () => setPhase((p) => (p.step === "sending" ? { ...p, share: null } : p)),
        });
        if (controller.signal.aborted) return;
        if (answer.kind === "refused") {
          return setPhase({ step: "failed", dryRun, message: t("failed.server", { message: answer.message }) });
        }
        const { report } = answer;
        if (!report.ok) return setPhase({ step: "refused", report, dryRun });
        if (dryRun) return setPhase({ step: "checked", report });
        // Committed: every figure on every page may have changed.
        await queryClient.invalidateQueries();
        setPhase({ step: "committed", report });
      } catch (error) {
        if (controller.signal.aborted) return;
        setPhase({
          step: "failed",
          dryRun,
          message: error instanceof UploadFailed ? t("failed.network") : t("failed.server", { message: String(error) }),
        });
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [maxBytes, queryClient, t],
  );

  const reset = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setPhase({ step: "idle" });
  }, []);

  return { phase, send, reset };
}
