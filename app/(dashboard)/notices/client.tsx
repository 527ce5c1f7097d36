"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { LoadError } from "@/components/layout/load-error";
import { markNoticesRead, noticesQuery } from "@/lib/api/notices";
import { noticeText } from "@/lib/notice-text";

export function NoticesClient() {
  const t = useTranslations("notices");
  const tOut = useTranslations("outstanding");
  const format = useFormatter();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery(noticesQuery());
  const read = useMutation({
    mutationFn: markNoticesRead,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["notices"] });
      // The bell in the header is drawn by the layout on the server.
      router.refresh();
    },
  });

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold text-ink">{t("heading")}</h1>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        {!!data?.unread && (
          <button
            type="button"
            className="min-h-8 rounded-md border border-line bg-surface px-3 py-1 text-sm text-ink hover:bg-page disabled:opacity-50"
            disabled={read.isPending}
            onClick={() => read.mutate()}
          >
            {t("markAll")}
          </button>
        )}
      </header>
      {error ? (
        <LoadError message={t("loadError", { message: error.message })} onRetry={() => refetch()} />
      ) : !data ? null : data.notices.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-6 text-center text-muted">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="notices">
          {data.notices.map((n) => (
            <li
              key={n.id}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
              data-kind={n.kind}
            >
              {!n.read && (
                <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900" data-unread>
                  {t("unread")}
                </span>
              )}
              <span className="min-w-0 flex-1 text-ink">
                {noticeText(
                  (key, values) => t(key as never, values as never),
                  (dataset) => tOut(`datasets.${dataset}`),
                  n,
                )}
                {n.detail.submission !== undefined && (
                  <Link
                    href={`/review/${n.detail.submission}`}
                    className="ml-2 text-brand underline-offset-2 hover:underline"
                  >
                    {t("openSubmission")}
                  </Link>
                )}
              </span>
              <time className="text-xs text-muted tabular-nums" dateTime={n.createdAt}>
                {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
