import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Dataset } from "@/lib/contract";
import { getJson, sendJson } from "./client";

/** GET /api/uploads (the batches), the undo, and POST /api/uploads with the import report every upload door answers with. */

export type BatchSummary = {
  id: number;
  dataset: Dataset;
  source: string;
  fileName: string;
  fileHash: string;
  createdBy: string;
  username: string | null;
  regionCode: string | null;
  regionName: string | null;
  createdAt: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  status: "committed" | "undone";
  undoneAt: string | null;
};

export type BatchRow = {
  op: "insert" | "update";
  before: Record<string, unknown> | null;
  /** The row as it is now (null once deleted by an undo). */
  current: Record<string, unknown> | null;
};

export type ImportError = { row: number; column: string; value: string; message: string };
export type ImportWarning = { row: number; message: string };
export type ImportChange = {
  row: number;
  key: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
};
export type ImportReport = {
  dataset: Dataset;
  ok: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  warnings: ImportWarning[];
  errors: ImportError[];
  batchId: number | null;
  dryRun: boolean;
  fileName: string;
  fileHash: string;
  /** Every problem, also those beyond the listed ones. */
  errorCount: number;
  /** A sample of what the commit changes (new rows have no `before`). */
  preview: ImportChange[];
  /** Of every change, not only the sample: a submission's approval insists on the one its reviewer saw. */
  fingerprint: string;
  /** Where the rows went for review instead of being published: one submission per period. */
  submissions: SubmittedReport[];
};

/** A report of a region for a period, sent to the region above. */
export type SubmittedReport = { id: number; dataset: Dataset; year: number; quarter: number | null; version: number };

export type BatchList = { rows: BatchSummary[]; total: number };
export type BatchDetail = { batch: BatchSummary; rows: BatchRow[]; total: number };
export type UndoResult = { batchId: number; deleted: number; restored: number };

export const uploadsKey = ["uploads"] as const;

export const batchesQuery = (page: number) =>
  queryOptions({
    queryKey: [...uploadsKey, "list", page] as const,
    queryFn: () => getJson<BatchList>(`/api/uploads${page > 1 ? `?page=${page}` : ""}`),
    placeholderData: keepPreviousData,
  });

export const batchQuery = (id: number, page: number) =>
  queryOptions({
    queryKey: [...uploadsKey, "batch", id, page] as const,
    queryFn: () => getJson<BatchDetail>(`/api/uploads/${id}${page > 1 ? `?page=${page}` : ""}`),
    placeholderData: keepPreviousData,
  });

export const undoBatch = (id: number) => sendJson<UndoResult>(`/api/uploads/${id}/undo`, {});

/**
 * What POST /api/uploads answered: the import report (200 accepted, 422 refused), or a refusal
 * before any checking (400 bad form, 403 role, 413 too large, 5xx) with the server's message.
 */
export type UploadAnswer =
  | { kind: "report"; status: number; report: ImportReport }
  | { kind: "refused"; status: number; message: string };

/**
 * The request never got an answer: the connection broke, or the browser could not read the file
 * (Chrome fails the request when the chosen file was moved or changed on disk since).
 */
export class UploadFailed extends Error {}

type SendOptions = {
  dataset: Dataset;
  file: File;
  dryRun: boolean;
  /** Share of the body sent so far, 0–1. */
  onProgress: (share: number) => void;
  /** The whole body has been sent; the server is checking. */
  onSent: () => void;
  signal?: AbortSignal;
};

/**
 * Sends a file with XMLHttpRequest rather than fetch: only XHR reports upload progress. The
 * header marks the batch's source as the web page (other systems calling the API are "api").
 */
export function sendUpload({ dataset, file, dryRun, onProgress, onSent, signal }: SendOptions): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("x-cadre-client", "web");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onSent();
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the status text is all there is to say.
      }
      const status = xhr.status;
      if ((status === 200 || status === 422) && isReport(body))
        return resolve({ kind: "report", status, report: body });
      const message =
        body && typeof body === "object" && "message" in body && typeof body.message === "string"
          ? body.message
          : `${status} ${xhr.statusText}`.trim();
      resolve({ kind: "refused", status, message });
    };
    xhr.onerror = () => reject(new UploadFailed("network"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });

    const form = new FormData();
    form.append("dataset", dataset);
    form.append("dryRun", String(dryRun));
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

function isReport(body: unknown): body is ImportReport {
  return (
    !!body &&
    typeof body === "object" &&
    "ok" in body &&
    "errors" in body &&
    Array.isArray((body as ImportReport).errors) &&
    Array.isArray((body as ImportReport).warnings)
  );
}
