"use client";

import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The states a dashboard panel can be in besides "figures": nothing reported (with a way to
 * upload for those who may), and a failed load (with a retry). Texts come from the page.
 */
export function DashboardEmpty({
  children,
  uploadLabel,
  testId = "dashboard-empty",
}: {
  children: ReactNode;
  /** Shown as a link to /upload, for clerks and admins only. */
  uploadLabel?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-line bg-surface p-6 text-center text-muted" data-testid={testId}>
      <p>{children}</p>
      {uploadLabel && (
        <p className="mt-3">
          <Link
            href="/upload"
            className="inline-block rounded-md border border-line px-3 py-1.5 text-sm text-sky-800 hover:bg-page"
          >
            {uploadLabel}
          </Link>
        </p>
      )}
    </div>
  );
}

export function DashboardError({
  message,
  retryLabel,
  onRetry,
}: {
  message: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      {message}{" "}
      <button type="button" onClick={onRetry} className="underline">
        {retryLabel}
      </button>
    </div>
  );
}
