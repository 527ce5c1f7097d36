/**
 * How many uploads one server process works on at once. Each holds up to a few hundred
 * megabytes at its peak (shared strings, staging batches) and keeps a core busy, so beyond a
 * couple the process would only grow and slow everyone down. There is no queue: a waiting
 * upload would hold its request (and soon its file) in the meantime, so an upload beyond the
 * limit is answered at once (503 with Retry-After) and the client tries again.
 */
export const UPLOAD_SLOTS = {
  /** Uploads received and imported at the same time, per process (this machine has 2 cores). */
  concurrent: 2,
  /** Seconds a refused client is asked to wait (Retry-After). */
  retryAfterSeconds: 10,
};

type Slots = { busy: number };

// On globalThis, like the database handle: Next may load this module more than once in one
// process (one copy per route bundle), and the limit is the process's, not a bundle's.
const holder = globalThis as typeof globalThis & { cadreUploadSlots?: Slots };
holder.cadreUploadSlots ??= { busy: 0 };
const slots = holder.cadreUploadSlots;

/** A slot if one is free (call the returned function once, when done), else null. */
export function takeUploadSlot(limit = UPLOAD_SLOTS.concurrent): (() => void) | null {
  if (slots.busy >= limit) return null;
  slots.busy++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.busy--;
  };
}

export const uploadsInProgress = () => slots.busy;
