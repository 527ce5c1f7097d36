"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type BatchSummary, undoBatch } from "@/lib/api/uploads";

/**
 * Undo with a confirmation step in the page (not a browser dialog), so the consequences are
 * spelled out next to the button. The server decides: a batch whose rows were changed since, or
 * one already undone, is refused (409) with a message that is shown as it comes.
 */
export function UndoPanel({ batch }: { batch: BatchSummary }) {
  const t = useTranslations("upload.batch");
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const undo = useMutation({
    mutationFn: () => undoBatch(batch.id),
    // Figures everywhere, the history and this batch all change.
    onSettled: () => queryClient.invalidateQueries(),
    onSuccess: () => setConfirming(false),
  });

  if (undo.isSuccess) {
    return (
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        {t("undoDone", { deleted: undo.data.deleted, restored: undo.data.restored })}
      </p>
    );
  }
  const refused = undo.isError && (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {t("undoFailed", { message: undo.error.message })}
    </p>
  );
  // Undone meanwhile (in another tab, say): the refusal still says why nothing happened.
  if (batch.status !== "committed") return refused || null;
  return (
    <section aria-labelledby="undo-title" className="space-y-3 rounded-lg border border-line bg-surface p-4 shadow-sm">
      <h2 id="undo-title" className="text-base font-semibold text-ink">
        {t("undoTitle")}
      </h2>
      <p className="text-sm text-muted">{t("undoHint")}</p>
      {refused}
      {confirming ? (
        <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-3 text-sm text-amber-950">
          <p>{t("undoConfirm", { id: batch.id, inserted: batch.inserted, updated: batch.updated })}</p>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => undo.mutate()}
              disabled={undo.isPending}
              aria-busy={undo.isPending}
              className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand/90 disabled:opacity-60"
            >
              {undo.isPending ? t("undoing") : t("undoYes")}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              disabled={undo.isPending}
              className="rounded-md border border-line bg-surface px-4 py-2 text-sm text-ink hover:bg-page disabled:opacity-60"
            >
              {t("undoNo")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            undo.reset();
            setConfirming(true);
          }}
          className="rounded-md border border-brand bg-surface px-4 py-2 text-sm font-medium text-brand hover:bg-red-50"
        >
          {t("undo")}
        </button>
      )}
    </section>
  );
}
